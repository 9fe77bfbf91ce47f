import { Form, Input, Radio, Tag } from 'antd';
import { useT } from '../../shared/i18n';
import { UnitMultiPicker, UnitPicker } from '../common/pickers';
import { labels } from '../common/labels.messages';
import { intakeMessages } from './intake.messages';
import { orderMessages } from '../orders/orders.messages';
import type { Outcome } from './submit-intake';

const required = [{ required: true }];
/** Written text: spaces alone are not an answer (the server refuses them too). */
const requiredText = [{ required: true, whitespace: true }];

/**
 * The article a direct answer was taken from (用于直办答复) is recorded with the answer; the operator
 * sees that it is and can unlink it when the answer written no longer comes from it.
 */
function UsedArticle() {
  const t = useT(intakeMessages);
  const form = Form.useFormInstance();
  const articleId = Form.useWatch('knowledgeArticleId', form) as string | undefined;
  if (!articleId) return null;
  return (
    <Tag
      closable
      color="blue"
      data-testid="intake-used-article"
      onClose={() => form.setFieldsValue({ knowledgeArticleId: undefined })}
    >
      {t('usedArticle')}
    </Tag>
  );
}

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
        <>
          <Form.Item name="answer" label={t('answer')} rules={requiredText}>
            <Input.TextArea rows={3} data-testid="intake-answer" />
          </Form.Item>
          <UsedArticle />
        </>
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
          <Form.Item name="explanation" label={o('form.explanation')} rules={requiredText}>
            <Input.TextArea rows={2} data-testid="intake-explanation" />
          </Form.Item>
        </>
      )}
    </>
  );
}
