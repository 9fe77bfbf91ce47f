import { CHECK_CLOSE_REASONS, CONTACT_METHODS, INVALID_REASONS, REPLY_RESULTS, SATISFACTION } from '../../shared/contract';
import { DatePicker, Form, Input, Radio, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useT } from '../../shared/i18n';
import type { OrderAction } from '../api/types';
import { labels } from '../common/labels.messages';
import { orderMessages } from './orders.messages';
import { ModuleTextInput } from '../agenttools/ModuleTextInput';
import { DeskField, DispatchFields, RedispatchFields } from './ActionRoutingFields';

const required = [{ required: true }];
/** A text the clerk writes: spaces alone are not an answer (the server refuses them too). */
const requiredText = [{ required: true, whitespace: true }];
/** A new deadline lies ahead: earlier days cannot be picked. */
const beforeToday = (d: Dayjs) => d.isBefore(dayjs().startOf('day'));

/** The inputs each lifecycle action needs (mirrors src/orders/order-actions.schemas.ts). */
export function ActionFields({ action, deskUnitId }: { action: OrderAction; deskUnitId?: string | null }) {
  const t = useT(orderMessages);
  const l = useT(labels);
  const text = (name: string, label: string, rows = 3) => (
    <Form.Item name={name} label={label} rules={requiredText}>
      <ModuleTextInput multiline rows={rows} data-testid={`field-${name}`} autoFocus />
    </Form.Item>
  );
  const radios = (name: string, label: string, options: { value: string | boolean; label: string }[]) => (
    <Form.Item name={name} label={label} rules={required}>
      <Radio.Group optionType="button" buttonStyle="solid" options={options} data-testid={`field-${name}`} />
    </Form.Item>
  );
  const satisfaction = radios(
    'satisfaction',
    t('form.satisfaction'),
    SATISFACTION.map((v) => ({ value: v, label: l(`sat.${v}`) })),
  );
  const resolved = radios('resolved', t('form.resolved'), [
    { value: true, label: l('resolved.true') },
    { value: false, label: l('resolved.false') },
  ]);

  switch (action) {
    case 'answer_directly':
      return text('answer', t('form.answer'), 4);
    case 'reject':
      return (
        <>
          {radios(
            'reason',
            t('form.invalidReason'),
            INVALID_REASONS.map((v) => ({ value: v, label: l(`invalid.${v}`) })),
          )}
          {text('explanation', t('form.explanation'))}
        </>
      );
    case 'merge':
      return (
        <Form.Item name="intoOrder" label={t('form.intoOrder')} rules={required}>
          <Input data-testid="field-intoOrder" placeholder="2407230001" autoFocus />
        </Form.Item>
      );
    case 'dispatch':
      return <DispatchFields />;
    case 'approve_return':
      return <RedispatchFields />;
    case 'route_to_desk':
      return <DeskField exclude={deskUnitId ?? null} />;
    case 'hand_up':
      return text('reason', t('form.handUpReason'));
    case 'request_return':
    case 'hop_send_back':
    case 'hop_return':
    case 'reject_return':
    case 'reject_extension':
    case 'review_send_back':
    case 'unmerge':
    case 'wait_for_citizen':
    case 'suspend':
      return text('reason', t('form.reason'));
    case 'record_contact':
      return (
        <>
          {radios(
            'method',
            t('form.method'),
            CONTACT_METHODS.map((v) => ({ value: v, label: l(`contact.${v}`) })),
          )}
          {text('summary', t('form.summary'))}
        </>
      );
    case 'request_extension':
      return (
        <>
          {text('reason', t('form.reason'))}
          <Form.Item name="newDeadline" label={t('form.newDeadline')} rules={required}>
            <DatePicker showTime disabledDate={beforeToday} data-testid="field-newDeadline" />
          </Form.Item>
        </>
      );
    case 'reply':
    case 'hop_reply':
      return (
        <>
          {radios(
            'result',
            t('form.result'),
            REPLY_RESULTS.map((v) => ({ value: v, label: l(`result.${v}`) })),
          )}
          {text('text', t('form.replyText'), 5)}
        </>
      );
    case 'progress_report':
      // 阶段性答复 (ADR 0121): the order stays open; the citizen reads both texts on the portal.
      return (
        <>
          {text('progress', t('form.progress'), 4)}
          {text('reason', t('form.progressReason'))}
        </>
      );
    case 'visit_close':
    case 'direct_visit': // 直办件回访 (ADR 0202): the same questions; the order stays closed
      return (
        <>
          <Form.Item name="reached" label={t('form.reached')} valuePropName="checked" initialValue={true}>
            <Switch data-testid="field-reached" />
          </Form.Item>
          <Form.Item noStyle shouldUpdate={(a, b) => a.reached !== b.reached}>
            {({ getFieldValue }) =>
              getFieldValue('reached') !== false && (
                <>
                  {satisfaction}
                  {resolved}
                </>
              )
            }
          </Form.Item>
        </>
      );
    case 'check_close':
      // 核查办结: a reason from the list and the words the citizen and the file will read (ADR 0135).
      return (
        <>
          {radios(
            'reason',
            t('form.checkReason'),
            CHECK_CLOSE_REASONS.map((v) => ({ value: v, label: l(`checkReason.${v}`) })),
          )}
          {text('explanation', t('form.checkExplanation'))}
        </>
      );
    case 'visit_rehandle':
      return (
        <>
          {resolved}
          {text('reason', t('form.reason'))}
        </>
      );
    default:
      return null;
  }
}
