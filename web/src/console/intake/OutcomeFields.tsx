import { Form, Input, Radio } from 'antd';
import { useT } from '../../shared/i18n';
import { UnitMultiPicker, UnitPicker } from '../common/pickers';
import { labels } from '../messages/labels';
import { intakeMessages } from '../messages/intake';
import { orderMessages } from '../messages/orders';
import type { Outcome } from './submit-intake';

const required = [{ required: true }];

/** The inputs of the chosen outcome; hidden ones are not validated. */
export function OutcomeFields({ outcome }: { outcome: Outcome }) {
  const t = useT(intakeMessages);
  const o = useT(orderMessages);
  const l = useT(labels);
  return (
    <>
      <Form.Item name="knowledgeArticleId" hidden>
        <Input />
      </Form.Item>
      {outcome === 'dispatch' && (
        <>
          <Form.Item name="leadUnitId" label={o('form.leadUnit')} rules={required}>
            <UnitPicker testId="intake-lead-unit" />
          </Form.Item>
          <Form.Item name="assistUnitIds" label={o('form.assistUnits')}>
            <UnitMultiPicker testId="intake-assist-units" />
          </Form.Item>
          <Form.Item name="instructions" label={o('form.instructions')}>
            <Input data-testid="intake-instructions" />
          </Form.Item>
        </>
      )}
      {outcome === 'answer' && (
        <Form.Item name="answer" label={t('answer')} rules={required}>
          <Input.TextArea rows={3} data-testid="intake-answer" />
        </Form.Item>
      )}
      {outcome === 'merge' && (
        <>
          <Form.Item name="mergeIntoId" hidden rules={required}>
            <Input />
          </Form.Item>
          <Form.Item name="mergeIntoNo" label={t('mergeInto')} rules={required}>
            <Input data-testid="intake-merge-into" readOnly placeholder={t('mergeHint')} />
          </Form.Item>
        </>
      )}
      {outcome === 'reject' && (
        <>
          <Form.Item name="rejectReason" label={o('form.invalidReason')} rules={required}>
            <Radio.Group
              optionType="button"
              options={(['not_accepted', 'emergency_transfer', 'lawful_channel'] as const).map((v) => ({
                value: v,
                label: l(`invalid.${v}`),
              }))}
            />
          </Form.Item>
          <Form.Item name="explanation" label={o('form.explanation')} rules={required}>
            <Input.TextArea rows={2} data-testid="intake-explanation" />
          </Form.Item>
        </>
      )}
    </>
  );
}
