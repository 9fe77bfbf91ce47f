import { Command } from 'commander';
import { withRuntime } from '../with-runtime.js';
import { loadAuditKey } from '../../audit/audit-key.js';
import { sealAuditChains } from '../../audit/audit-seal.service.js';
import { pruneAuditTrail } from '../../audit/audit-retention.service.js';
import { verifyAndRecord } from '../../audit/audit-trail.service.js';
import { describeChain } from '../../audit/audit-verify.service.js';
import { text } from '../../i18n/messages.js';
import { findCentreNames } from '../../audit/audit-search.repository.js';

/** Progress on stderr, rewritten in place on a terminal, one line per step otherwise. */
export const progressLine = (label: string) => {
  let last = 0;
  return (n: number, done = false) => {
    const now = Date.now();
    if (!done && now - last < 500) return;
    last = now;
    if (process.stderr.isTTY) process.stderr.write(`\r${label} ${n}${done ? '\n' : ''}`);
    else process.stderr.write(`${label} ${n}\n`);
  };
};

export const auditCommand = () => {
  const cmd = new Command('audit').description('防篡改审计链 / the tamper-evident audit trail (ADR 0161)');
  cmd
    .command('verify')
    .description('核验整条审计链，指出第一处断裂 / verify every chain and name the first broken row; exit 1 if any')
    .action(async () => {
      const ok = await withRuntime(async (rt) => {
        const progress = progressLine('已核验 / rows checked:');
        const report = await verifyAndRecord(rt.deps, (n) => progress(n));
        progress(report.rowsChecked, true);
        const names = await findCentreNames(rt.database.db);
        for (const c of report.chains) {
          const words = describeChain(c);
          const stream = text(`audit.stream.${c.stream}`);
          const centre = names.get(c.centreId) ?? (c.centreId ? '无中心 / no centre' : '');
          console.log(`${c.broken ? 'BROKEN' : 'ok    '} ${stream.zh} / ${stream.en} ${centre}: ${words.zh} / ${words.en}`);
        }
        console.log(report.ok ? '审计链完整 / the audit trail is intact' : '审计链已被篡改 / the audit trail was tampered with');
        return report.ok;
      });
      if (!ok) process.exitCode = 1;
    });
  cmd
    .command('seal')
    .description('立即为各链签名检查点（worker 每 10 分钟一次）/ sign checkpoints now (the worker does every 10 min)')
    .action(async () => {
      await withRuntime(async (rt, config) => {
        const r = await sealAuditChains(rt.database.db, loadAuditKey(config.auditKeyFile), rt.deps.clock.now());
        console.log(
          `已签名 / sealed: ${r.sealed}${r.broken.length ? `；未签名（已断裂）/ not sealed (broken): ${r.broken.length}` : ''}`,
        );
        if (r.broken.length) process.exitCode = 1;
      });
    });
  cmd
    .command('prune')
    .description('删除超过保存期的审计记录（worker 每日一次）/ prune the audit trail past its retention (the worker does daily)')
    .action(async () => {
      await withRuntime(async (rt, config) => {
        const r = await pruneAuditTrail(
          rt.database.db,
          loadAuditKey(config.auditKeyFile),
          rt.deps.clock.now(),
          config.auditRetentionDays,
        );
        console.log(`已删除 / deleted: ${r.deleted} (> ${config.auditRetentionDays} days)`);
      });
    });
  return cmd;
};
