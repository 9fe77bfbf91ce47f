import { DatePicker, Form, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useT } from '../../shared/i18n';
import type { ArticleStatus } from './knowledge-api';
import { knowledgeMessages } from './knowledge.messages';

const STATUSES: ArticleStatus[] = ['draft', 'published', 'expired'];

/** An article's status and its dates: valid from, valid to (not before from), next review. */
export function ArticleStatusFields() {
  const t = useT(knowledgeMessages);
  return (
    <Space wrap>
      <Form.Item name="status" label={t('f.status')} rules={[{ required: true }]}>
        <Select style={{ width: 140 }} options={STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))} />
      </Form.Item>
      <Form.Item name="validFrom" label={t('f.validFrom')}>
        <DatePicker data-testid="knowledge-valid-from" />
      </Form.Item>
      <Form.Item
        name="validTo"
        label={t('f.validTo')}
        dependencies={['validFrom']}
        rules={[
          ({ getFieldValue }) => ({
            validator: (_, to: Dayjs | null | undefined) => {
              const from = getFieldValue('validFrom') as Dayjs | null | undefined;
              return to && from && to.isBefore(from, 'day')
                ? Promise.reject(new Error(t('f.validToBeforeFrom')))
                : Promise.resolve();
            },
          }),
        ]}
      >
        <DatePicker data-testid="knowledge-valid-to" />
      </Form.Item>
      <Form.Item name="reviewAt" label={t('f.reviewAt')}>
        <DatePicker />
      </Form.Item>
    </Space>
  );
}
