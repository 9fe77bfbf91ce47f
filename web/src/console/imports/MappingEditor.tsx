import { Alert, Button, Card, Form, InputNumber, Select, Space, Table, Tag } from 'antd';
import { useLang, useT } from '../../shared/i18n';
import {
  APPEAL_TYPE_LABELS,
  APPEAL_TYPES,
  CHANNEL_LABELS,
  CHANNELS,
  IMPORT_FIELD_LABELS,
  IMPORT_FIELDS,
  REQUIRED_IMPORT_FIELDS,
  type ImportField,
  type ImportMapping,
  type ImportPreviewView,
} from '../../shared/contract';
import { importMessages } from './imports.messages';
import { downloadMapping, withTables, type ValueTables } from './mapping';
import { ValueTablesEditor } from './ValueTablesEditor';

interface Props {
  preview: ImportPreviewView;
  mapping: ImportMapping;
  tables: ValueTables;
  onMapping: (m: ImportMapping) => void;
  onTables: (t: ValueTables) => void;
  onBack: () => void;
  onNext: () => void;
}

/** Step 2: each lianxin field to a column of the file, the value tables, the defaults (ADR 0184). */
export function MappingEditor({ preview, mapping, tables, onMapping, onTables, onBack, onNext }: Props) {
  const t = useT(importMessages);
  const { lang } = useLang();
  const columnOptions = preview.columns.map((c) => ({ value: c, label: c }));
  const setColumn = (field: ImportField, column: string | undefined) =>
    onMapping({ ...mapping, columns: { ...mapping.columns, [field]: column } });
  const setDefault = (key: 'channel' | 'appealType' | 'priority', value: unknown) =>
    onMapping({ ...mapping, defaults: { ...mapping.defaults, [key]: value ?? undefined } });
  const missing = REQUIRED_IMPORT_FIELDS.filter((f) => !mapping.columns[f]);
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card size="small" title={t('mapping.columns')}>
        <Table<{ field: ImportField }>
          size="small"
          pagination={false}
          rowKey="field"
          dataSource={IMPORT_FIELDS.map((field) => ({ field }))}
          columns={[
            {
              title: t('mapping.field'),
              key: 'field',
              width: 260,
              render: (_, { field }) => (
                <Space size={4}>
                  {IMPORT_FIELD_LABELS[field][lang]}
                  {REQUIRED_IMPORT_FIELDS.includes(field) && <Tag color="red">{t('mapping.required')}</Tag>}
                </Space>
              ),
            },
            {
              title: t('mapping.column'),
              key: 'column',
              render: (_, { field }) => (
                <Select
                  allowClear
                  showSearch
                  style={{ width: 240 }}
                  placeholder={t('mapping.none')}
                  value={mapping.columns[field]}
                  options={columnOptions}
                  onChange={(c?: string) => setColumn(field, c)}
                  data-testid={`map-${field}`}
                />
              ),
            },
          ]}
        />
      </Card>
      <ValueTablesEditor preview={preview} mapping={mapping} tables={tables} onTables={onTables} />
      <Card size="small" title={t('mapping.defaults')}>
        <Form layout="inline">
          <Form.Item label={IMPORT_FIELD_LABELS.channel[lang]}>
            <Select
              allowClear
              style={{ width: 140 }}
              value={mapping.defaults?.channel}
              options={CHANNELS.map((c) => ({ value: c, label: CHANNEL_LABELS[c][lang] }))}
              onChange={(v) => setDefault('channel', v)}
            />
          </Form.Item>
          <Form.Item label={IMPORT_FIELD_LABELS.appealType[lang]}>
            <Select
              allowClear
              style={{ width: 140 }}
              value={mapping.defaults?.appealType}
              options={APPEAL_TYPES.map((a) => ({ value: a, label: APPEAL_TYPE_LABELS[a][lang] }))}
              onChange={(v) => setDefault('appealType', v)}
            />
          </Form.Item>
          <Form.Item label={t('mapping.priority')}>
            <InputNumber
              min={1}
              max={4}
              precision={0}
              value={mapping.defaults?.priority}
              onChange={(v) => setDefault('priority', v)}
            />
          </Form.Item>
        </Form>
      </Card>
      {missing.length > 0 && (
        <Alert
          type="warning"
          showIcon
          message={t('mapping.missing', { fields: missing.map((f) => IMPORT_FIELD_LABELS[f][lang]).join('、') })}
        />
      )}
      <Space wrap>
        <Button onClick={onBack}>{t('back')}</Button>
        <Button onClick={() => downloadMapping(withTables(mapping, tables))} data-testid="import-download-mapping">
          {t('mapping.download')}
        </Button>
        <Button type="primary" disabled={missing.length > 0} onClick={onNext} data-testid="import-to-dry-run">
          {t('dryRun')}
        </Button>
      </Space>
    </Space>
  );
}
