import { Command } from 'commander';
import { listOrderEvents } from '../../orders/order-event.repository.js';
import { findOrderByNo } from '../../orders/order.repository.js';
import { listCentres } from '../../org/unit.repository.js';
import { withRuntime } from '../with-runtime.js';
import { maskName, maskPhone } from '../../orders/masking.js';
import { CliError } from '../cli-error.js';

const reasonOf = (payload: unknown): string | null => {
  const p = payload as Record<string, unknown> | null;
  const reason = p?.explanation ?? p?.reason; // a void order: its explanation, not the reason code
  return typeof reason === 'string' && reason.trim() !== '' ? reason : null;
};

const time = (d: Date) => d.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });

export const orderCommand = () => {
  const order = new Command('order').description('工单 / work orders');
  order
    .command('show <orderNo>')
    .description('显示工单及全程轨迹 / show an order and its full timeline')
    .action(async (orderNo: string) => {
      await withRuntime(async (rt) => {
        const centres = await listCentres(rt.deps.db);
        for (const centre of centres) {
          const o = await findOrderByNo(rt.deps.db, { centreId: centre.id, unitPath: null }, orderNo);
          if (!o) continue;
          console.log(`${o.order_no}  ${o.title}`);
          console.log(
            `  状态 state: ${o.state}  版本 version: ${o.version}  优先级 priority: ${o.priority}  渠道 channel: ${o.channel}`,
          );
          console.log(`  来电人 caller: ${maskName(o.caller_name) ?? '-'} ${maskPhone(o.caller_phone) ?? ''}`);
          console.log(`  内容 content: ${o.content}`);
          console.log('  轨迹 timeline:');
          for (const e of await listOrderEvents(rt.deps.db, o.id)) {
            const who = e.actor_name ?? e.actor_label ?? 'system';
            // What the actor wrote: the note, or the reason an action asks for (退回, 撤销并单 …).
            const said = e.note ?? reasonOf(e.payload);
            console.log(
              `   ${time(e.at)}  ${e.action.padEnd(18)} ${(e.from_state ?? '-').padEnd(12)} → ${(e.to_state ?? '-').padEnd(12)} ${who}${said ? `  「${said}」` : ''}`,
            );
          }
          return;
        }
        throw new CliError(`工单 ${orderNo} 不存在`, `order ${orderNo} not found`);
      });
    });
  return order;
};
