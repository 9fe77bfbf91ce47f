import { Alert, Button, Col, DatePicker, Form, Input, Row, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { APPEAL_TYPES } from '../../shared/contract';
import { ApiError } from '../../shared/api';
import { useLang, useT } from '../../shared/i18n';
import { errorText, useWrite } from '../api/mutation';
import { CategoryPicker, RegionPicker, UnitMultiPicker, UnitPicker } from '../common/pickers';
import { labels } from '../common/labels.messages';
import { shellMessages } from '../shell/shell.messages';
import { catalogueKeys, createRule, editRule, type CatalogueRuleView } from './catalogue-api';
import { catalogueMessages } from './catalogue.messages';

interface Values {
  categoryId?: string;
  regionId?: string;
  appealType?: string;
  keywords?: string[];
  leadUnitId: string;
  assistUnitIds?: string[];
  deskUnitId?: string;
  note?: string;
  validFrom?: Dayjs;
  validTo?: Dayjs | null;
}

const initial = (rule: CatalogueRuleView | null): Partial<Values> =>
  rule
    ? {
        categoryId: rule.categoryId ?? undefined,
        regionId: rule.regionId ?? undefined,
        appealType: rule.appealType ?? undefined,
        keywords: rule.keywords,
        leadUnitId: rule.leadUnitId,
        assistUnitIds: rule.assistUnitIds,
        deskUnitId: rule.deskUnitId ?? undefined,
        note: rule.note ?? undefined,
        validFrom: dayjs(rule.validFrom),
        validTo: rule.validTo ? dayjs(rule.validTo) : null,
      }
    : { validFrom: dayjs().startOf('day') };

/** Create or edit one rule; an overlap is said in words above the buttons, naming the other rule. */
export function CatalogueRuleForm({ rule, onDone }: { rule: CatalogueRuleView | null; onDone: () => void }) {
  const t = useT(catalogueMessages);
  const l = useT(labels);
  const s = useT(shellMessages);
  const { lang } = useLang();
  const write = useWrite();
  const [form] = Form.useForm<Values>();
  const [overlap, setOverlap] = useState<string | null>(null);

  async function save(v: Values) {
    setOverlap(null);
    const body = {
      categoryId: v.categoryId ?? null,
      regionId: v.regionId ?? null,
      appealType: (v.appealType ?? null) as CatalogueRuleView['appealType'],
      keywords: v.keywords ?? [],
      leadUnitId: v.leadUnitId,
      assistUnitIds: v.assistUnitIds ?? [],
      deskUnitId: v.deskUnitId ?? null,
      note: v.note?.trim() || null,
      validFrom: (v.validFrom ?? dayjs()).startOf('day').toISOString(),
      validTo: v.validTo ? v.validTo.startOf('day').toISOString() : null,
    };
    const saved = await write(
      async () => {
        try {
          return await (rule ? editRule(rule.id, { ...body, version: rule.version }) : createRule(body));
        } catch (e) {
          if (e instanceof ApiError && e.status === 409) setOverlap(errorText(e, lang));
          else if (e instanceof ApiError && e.field)
            form.setFields([{ name: e.field as keyof Values, errors: [errorText(e, lang)] }]);
          throw e;
        }
      },
      { success: (r) => t('admin.saved', { no: r.no }), invalidate: [catalogueKeys.all] },
    );
    if (saved.ok) onDone();
  }

  return (
    <Form form={form} layout="vertical" initialValues={initial(rule)} onFinish={save} data-testid="rule-form">
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="categoryId" label={t('form.category')}>
            <CategoryPicker testId="rule-category" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="regionId" label={t('form.region')}>
            <RegionPicker testId="rule-region" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="appealType" label={t('form.appealType')}>
            <Select
              allowClear
              data-testid="rule-appeal-type"
              options={APPEAL_TYPES.map((a) => ({ value: a, label: l(`type.${a}`) }))}
            />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="keywords" label={t('form.keywords')}>
            <Select mode="tags" tokenSeparators={[',', '，', ' ']} open={false} data-testid="rule-keywords" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="leadUnitId" label={t('form.lead')} rules={[{ required: true }]}>
        <UnitPicker dispatchable testId="rule-lead" />
      </Form.Item>
      <Form.Item name="assistUnitIds" label={t('form.assist')}>
        <UnitMultiPicker dispatchable testId="rule-assist" />
      </Form.Item>
      <Form.Item name="deskUnitId" label={t('form.desk')}>
        <UnitPicker testId="rule-desk" />
      </Form.Item>
      <Form.Item name="note" label={t('form.note')}>
        <Input maxLength={500} data-testid="rule-note" />
      </Form.Item>
      <Space>
        <Form.Item name="validFrom" label={t('form.validFrom')}>
          <DatePicker data-testid="rule-valid-from" />
        </Form.Item>
        <Form.Item name="validTo" label={t('form.validTo')}>
          <DatePicker data-testid="rule-valid-to" />
        </Form.Item>
      </Space>
      {overlap && (
        <Alert
          type="error"
          showIcon
          title={t('form.overlap')}
          description={overlap}
          style={{ marginBottom: 12 }}
          data-testid="rule-overlap"
        />
      )}
      <Space>
        <Button type="primary" htmlType="submit" data-testid="rule-save">
          {s('common.save')}
        </Button>
        <Button onClick={onDone}>{s('common.cancel')}</Button>
      </Space>
    </Form>
  );
}
