import { Command } from 'commander';
import { findCentreByCode, findUnitByCode, listCentres } from '../../org/unit.repository.js';
import { createUser } from '../../users/user.service.js';
import { ROLES } from '../../users/roles.js';
import { withRuntime } from '../with-runtime.js';
import { CliError } from '../cli-error.js';

export const userCommand = () => {
  const user = new Command('user').description('用户管理 / manage staff accounts');
  user
    .command('add')
    .description('新建用户 / add a user')
    .requiredOption('--username <name>', 'login name (3–40 letters, digits, _ . -)')
    .requiredOption('--password <password>', 'at least 8 characters')
    .requiredOption('--roles <roles>', `comma-separated: ${ROLES.join(', ')}`)
    .requiredOption('--unit <code>', 'unit code (e.g. U0001)')
    .option('--name <displayName>', 'display name')
    .option('--centre <code>', 'centre code (default: the only centre)')
    .action(async (opts: { username: string; password: string; roles: string; unit: string; name?: string; centre?: string }) => {
      await withRuntime(async (rt) => {
        const centres = await listCentres(rt.deps.db);
        const centre = opts.centre
          ? await findCentreByCode(rt.deps.db, opts.centre)
          : centres.length === 1
            ? centres[0]
            : undefined;
        if (!centre)
          throw opts.centre
            ? new CliError(`中心 ${opts.centre} 不存在`, `no centre ${opts.centre}`)
            : new CliError('有多个中心：请用 --centre <代码> 指定', 'several centres: pass --centre <code>');
        const unit = await findUnitByCode(rt.deps.db, centre.id, opts.unit);
        if (!unit)
          throw new CliError(
            `中心 ${centre.code} 没有代码为 ${opts.unit} 的单位`,
            `no unit with code ${opts.unit} in centre ${centre.code}`,
          );
        const created = await createUser(rt.deps, null, centre.id, {
          username: opts.username,
          password: opts.password,
          roles: opts.roles.split(',').map((r) => r.trim()),
          unitId: unit.id,
          displayName: opts.name ?? opts.username,
        });
        console.log(`created user ${created.username} (${created.roles.join(', ')}) in ${unit.name}`);
      });
    });
  return user;
};
