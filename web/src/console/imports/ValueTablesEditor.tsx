import { Button, Card, Input, Select, Space, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useLang, useT } from '../../shared/i18n';
import { IMPORT_FIELD_LABELS, type ImportMapping, type ImportPreviewView, type ValueTableField } from '../../shared/contract';
import { importMessages } from './imports.messages';
import { tableFields, wordsOf, type TableEntry, type ValueTables } from './mapping';
import { useValueOptions } from './value-options';

/**
 * The value tables of the mapped fields: old word → lianxin value. A table starts with the words its
 * column holds in the preview; a line left without a value is not sent (the word is read as it is).
 */
export function ValueTablesEditor({
  preview,
  mapping,
  tables,
  onTables,
}: {
  preview: ImportPreviewView;
  mapping: ImportMapping;
  tables: ValueTables;
  onTables: (t: ValueTables) => void;
}) {
  const t = useT(importMessages);
  const { lang } = useLang();
  const options = useValueOptions();
  const fields = tableFields(mapping);
  if (fields.length === 0) return null;
  const entriesOf = (field: ValueTableField): TableEntry[] =>
    tables[field] ?? wordsOf(preview, mapping.columns[field]).map((from) => ({ from, to: '' }));
  const set = (field: ValueTableField, entries: TableEntry[]) => onTables({ ...tables, [field]: entries });
  return (
    <Card size="small" title={t('mapping.values')}>
      <Typography.Paragraph type="secondary">{t('mapping.valuesHint')}</Typography.Paragraph>
      <Space wrap align="start" size={16}>
        {fields.map((field) => {
          const entries = entriesOf(field);
          const change = (i: number, patch: Partial<TableEntry>) =>
            set(
              field,
              entries.map((e, j) => (j === i ? { ...e, ...patch } : e)),
            );
          return (
            <Card key={field} size="small" type="inner" title={IMPORT_FIELD_LABELS[field][lang]} data-testid={`values-${field}`}>
              <Space direction="vertical" size={6}>
                {entries.map((e, i) => (
                  <Space key={i} size={6} data-testid={`values-${field}-${i}`}>
                    <Input
                      style={{ width: 180 }}
                      placeholder={t('mapping.oldWord')}
                      value={e.from}
                      onChange={(ev) => change(i, { from: ev.target.value })}
                      data-testid={`values-${field}-${i}-from`}
                    />
                    <span>→</span>
                    <Select
                      allowClear
                      showSearch
                      optionFilterProp="label"
                      style={{ width: 220 }}
                      placeholder={t('mapping.target')}
                      value={e.to || undefined}
                      options={options[field]}
                      onChange={(v?: string) => change(i, { to: v ?? '' })}
                      data-testid={`values-${field}-${i}-to`}
                    />
                    <Button
                      type="text"
                      icon={<DeleteOutlined />}
                      aria-label="delete"
                      onClick={() =>
                        set(
                          field,
                          entries.filter((_, j) => j !== i),
                        )
                      }
                    />
                  </Space>
                ))}
                <Button size="small" icon={<PlusOutlined />} onClick={() => set(field, [...entries, { from: '', to: '' }])}>
                  {t('mapping.addWord')}
                </Button>
              </Space>
            </Card>
          );
        })}
      </Space>
    </Card>
  );
}
