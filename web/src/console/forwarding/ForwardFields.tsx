import { DatePicker, Form, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useT } from '../../shared/i18n';
import { ModuleTextInput } from '../agenttools/ModuleTextInput';
import { formatTime } from '../common/tags';
import { forwardingMessages } from './forwarding.messages';
import { useForwardChain } from './forwarding-api';

const required = [{ required: true }];
const requiredText = [{ required: true, whitespace: true }];

/**
 * The forward dialog's fields: the sub-units the server allows this forwarder (the rule table,
 * ADR 0116), the instructions, and a deadline no later than the forwarder's own.
 */
export function ForwardFields({ orderId }: { orderId: string }) {
  const f = useT(forwardingMessages);
  const chain = useForwardChain(orderId).data;
  const due = chain?.forwarderDueAt ? dayjs(chain.forwarderDueAt) : null;
  const outside = (d: Dayjs) => d.isBefore(dayjs().startOf('day')) || (due !== null && d.isAfter(due, 'day'));
  return (
    <>
      <Form.Item name="toUnitId" label={f('form.toUnit')} rules={required}>
        <Select
          showSearch
          optionFilterProp="label"
          autoFocus
          data-testid="field-toUnitId"
          notFoundContent={f('form.toUnitEmpty')}
          loading={!chain}
          options={(chain?.targets ?? []).map((u) => ({ value: u.id, label: `${u.name}（${f(`kind.${u.kind}`)}）` }))}
        />
      </Form.Item>
      <Form.Item name="instructions" label={f('form.instructions')} rules={requiredText}>
        <ModuleTextInput multiline rows={3} data-testid="field-instructions" />
      </Form.Item>
      <Form.Item
        name="deadline"
        label={f('form.deadline')}
        rules={required}
        extra={due ? f('form.deadlineHint', { due: formatTime(chain!.forwarderDueAt) }) : undefined}
      >
        <DatePicker showTime disabledDate={outside} data-testid="field-deadline" />
      </Form.Item>
    </>
  );
}
