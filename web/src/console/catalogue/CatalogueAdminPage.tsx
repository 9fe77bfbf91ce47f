import { Button, Card, Modal, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useT } from '../../shared/i18n';
import { useWrite } from '../api/mutation';
import { labels } from '../common/labels.messages';
import { catalogueKeys, expireRule, useCatalogueRules, type CatalogueRuleView, type RuleFilter } from './catalogue-api';
import { AutoDispatchSwitch } from './AutoDispatchSwitch';
import { catalogueMessages } from './catalogue.messages';
import { CatalogueRuleFilters } from './CatalogueRuleFilters';
import { CatalogueHistory } from './CatalogueHistory';
import { CatalogueRuleForm } from './CatalogueRuleForm';
import { ruleScope, validity } from './catalogue-words';

const STATUS_COLOR = { active: 'green', future: 'blue', expired: 'default' } as const;

/** /admin/catalogue: the 派单目录 — filter, create, edit, end, history per rule, and the auto-dispatch switch. */
export function CatalogueAdminPage() {
  const t = useT(catalogueMessages);
  const l = useT(labels);
  const [filter, setFilter] = useState<RuleFilter>({ status: 'active' });
  const rules = useCatalogueRules(filter);
  const write = useWrite();
  const [editing, setEditing] = useState<CatalogueRuleView | 'new' | null>(null);
  const [history, setHistory] = useState<CatalogueRuleView | null>(null);
  const set = (patch: RuleFilter) => setFilter((f) => ({ ...f, ...patch }));
  const end = (r: CatalogueRuleView) =>
    write(() => expireRule(r.id, r.version), { success: t('admin.expired', { no: r.no }), invalidate: [catalogueKeys.all] });

  return (
    <Card
      title={t('admin.title')}
      extra={
        <Space>
          <AutoDispatchSwitch />
          <Button type="primary" onClick={() => setEditing('new')} data-testid="rule-add">
            {t('admin.add')}
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{t('admin.note')}</Typography.Paragraph>
      <CatalogueRuleFilters filter={filter} onChange={set} />
      <Table
        rowKey="id"
        size="small"
        loading={rules.isLoading}
        dataSource={rules.data?.items ?? []}
        pagination={{ pageSize: 50, showSizeChanger: false }}
        data-testid="rules-table"
        columns={[
          { title: t('col.no'), dataIndex: 'no', width: 64, render: (no: number) => `#${no}` },
          { title: t('col.scope'), render: (_, r: CatalogueRuleView) => ruleScope(r, t, l) },
          { title: t('col.lead'), dataIndex: 'leadUnitName' },
          { title: t('col.assist'), render: (_, r: CatalogueRuleView) => r.assistUnitNames.join('、') || '—' },
          { title: t('col.validity'), width: 190, render: (_, r: CatalogueRuleView) => validity(r, t) },
          {
            title: t('col.status'),
            width: 90,
            render: (_, r: CatalogueRuleView) => <Tag color={STATUS_COLOR[r.status]}>{t(`status.${r.status}`)}</Tag>,
          },
          { title: t('col.version'), dataIndex: 'version', width: 60 },
          {
            title: '',
            width: 190,
            render: (_, r: CatalogueRuleView) => (
              <Space size={4}>
                <Button size="small" onClick={() => setEditing(r)} data-testid={`rule-edit-${r.no}`}>
                  {t('admin.edit')}
                </Button>
                <Button size="small" onClick={() => setHistory(r)} data-testid={`rule-history-${r.no}`}>
                  {t('admin.history')}
                </Button>
                {r.status !== 'expired' && (
                  <Popconfirm title={t('admin.expireConfirm', { no: r.no })} onConfirm={() => void end(r)}>
                    <Button size="small" danger data-testid={`rule-expire-${r.no}`}>
                      {t('admin.expire')}
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={editing !== null}
        title={editing === 'new' ? t('admin.add') : editing ? `${t('admin.edit')} #${editing.no}` : ''}
        onCancel={() => setEditing(null)}
        footer={null}
        destroyOnHidden
        width={720}
      >
        {editing !== null && <CatalogueRuleForm rule={editing === 'new' ? null : editing} onDone={() => setEditing(null)} />}
      </Modal>
      {history && <CatalogueHistory rule={history} onClose={() => setHistory(null)} />}
    </Card>
  );
}
