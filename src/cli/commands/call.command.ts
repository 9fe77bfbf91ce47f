import { randomUUID } from 'node:crypto';
import { Command } from 'commander';
import { loadConfig } from '../../config/config.js';
import { CliError } from '../cli-error.js';

interface SimulateOptions {
  from: string;
  operator: string;
  recording?: string;
  server?: string;
}

/** Posts one CTI event to the running server as the telephone system would (bearer CTI token). */
async function postEvent(server: string, token: string, event: Record<string, unknown>) {
  const res = await fetch(`${server}/api/calls`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(event),
  }).catch((e: unknown) => {
    throw new CliError(`无法连接 ${server}：服务器是否已启动？`, `cannot reach ${server} (is lianxin running?): ${String(e)}`);
  });
  const body = (await res.json()) as { id?: number };
  if (!res.ok)
    throw new CliError(
      `服务器拒绝来电事件：${JSON.stringify(body)}`,
      `the server refused the call event: ${JSON.stringify(body)}`,
    );
  return body;
}

/**
 * `lianxin call simulate`: a call offered and answered to an operator, through the running server's
 * CTI endpoint, so the demo shows the screen-pop (ADR 0080) without a telephone system.
 */
export const callCommand = () => {
  const call = new Command('call').description('来电（CTI）/ calls from the telephone system');
  call
    .command('simulate')
    .description('模拟一通来电并弹屏给话务员 / simulate a call that pops the operator’s intake')
    .requiredOption('--from <phone>', 'caller number')
    .requiredOption('--operator <username>', 'operator who answers')
    .option('--recording <url>', 'recording URL the CTI reports')
    .option('--server <url>', 'running lianxin (default http://127.0.0.1:$PORT)')
    .action(async (opts: SimulateOptions) => {
      const config = loadConfig();
      if (!config.ctiToken)
        throw new CliError(
          '请为服务器和本命令设置同一个 LIANXIN_CTI_TOKEN（至少 16 个字符）',
          'set the same LIANXIN_CTI_TOKEN (16+ characters) for the server and this command',
        );
      const server = opts.server ?? `http://127.0.0.1:${config.port}`;
      const callId = `sim-${randomUUID()}`;
      const base = { callId, callerNumber: opts.from, operator: opts.operator, hotlineNumber: '12345' };
      await postEvent(server, config.ctiToken, { ...base, event: 'offered', at: new Date().toISOString() });
      const answered = await postEvent(server, config.ctiToken, {
        ...base,
        event: 'answered',
        at: new Date().toISOString(),
        ...(opts.recording ? { recordingUrl: opts.recording } : {}),
      });
      console.log(`lianxin: call ${answered.id} from ${opts.from} answered by ${opts.operator}; their intake opens within 3 s`);
    });
  return call;
};
