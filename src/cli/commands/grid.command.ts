import fs from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { COORD_SYSTEMS, type CoordSystem } from '../../contract/geo.js';
import { importGridFile } from '../../geo/grid.service.js';
import { findCentreByCode, listCentres } from '../../org/unit.repository.js';
import { systemActor } from '../../users/roles.js';
import { CliError } from '../cli-error.js';
import { withRuntime } from '../with-runtime.js';

interface GridImportOptions {
  centre?: string;
  coordSystem?: string;
  replace?: boolean;
  codeField?: string;
  nameField?: string;
  regionField?: string;
  region?: string;
  encoding?: string;
}

/** `lianxin grids import <file>`: a GeoJSON file, a shapefile zip or KML/KMZ, as POST /api/grids/import/file. */
export const gridCommand = () => {
  const grids = new Command('grids').description('网格 / grids (ADR 0185)');
  grids
    .command('import <file>')
    .description('导入网格：GeoJSON、Shapefile（zip）或 KML/KMZ / import grids from GeoJSON, a shapefile zip or KML')
    .option('--centre <code>', '中心编码 / centre code (default: the first centre)')
    .option('--coord-system <system>', `坐标系 / coordinate system of the file: ${COORD_SYSTEMS.join(', ')} (default wgs84)`)
    .option('--code-field <name>', '网格编码的属性名 / attribute holding the grid code (default code, 网格编码…)')
    .option('--name-field <name>', '网格名称的属性名 / attribute holding the grid name (default name, 网格名称…)')
    .option('--region-field <name>', '所属街道的属性名 / attribute holding the region (default region, 所属街道…)')
    .option('--region <codeOrName>', '文件未给出时的所属街道 / region of grids the file gives none')
    .option('--encoding <label>', '.dbf 编码（无 .cpg 时）/ .dbf encoding without a .cpg, e.g. gbk')
    .option('--replace', '停用文件中没有的网格 / end the grids the file leaves out')
    .action(async (file: string, opts: GridImportOptions) => {
      if (opts.coordSystem !== undefined && !(COORD_SYSTEMS as readonly string[]).includes(opts.coordSystem))
        throw new CliError(
          `--coord-system：须为 ${COORD_SYSTEMS.join('、')}`,
          `--coord-system: one of ${COORD_SYSTEMS.join(', ')}`,
        );
      const bytes = fs.readFileSync(file);
      await withRuntime(async (rt) => {
        const centre = opts.centre ? await findCentreByCode(rt.deps.db, opts.centre) : (await listCentres(rt.deps.db))[0];
        if (!centre) throw new CliError('中心不存在（先运行 lianxin seed）', 'no such centre (run lianxin seed first)');
        const actor = { ...systemActor(centre.id, 'cli-grid-import'), roles: ['admin' as const] };
        const r = await importGridFile(rt.deps, actor, {
          fileName: path.basename(file),
          bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
          coordSystem: opts.coordSystem as CoordSystem | undefined,
          replace: opts.replace === true,
          region: opts.region,
          encoding: opts.encoding,
          fields: { code: opts.codeField, name: opts.nameField, region: opts.regionField },
        });
        console.log(
          `${r.format}：新建 ${r.created}，更新 ${r.updated}，未变 ${r.unchanged}，停用 ${r.deactivated}，重新归属工单 ${r.ordersReassigned} / ` +
            `created ${r.created}, updated ${r.updated}, unchanged ${r.unchanged}, ended ${r.deactivated}, orders reassigned ${r.ordersReassigned}`,
        );
      });
    });
  return grids;
};
