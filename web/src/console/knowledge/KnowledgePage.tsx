import { useArticles, useUpkeep } from './knowledge-api';
import { useMemo, useState } from 'react';
import { Button, Card, Input, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useT } from '../../shared/i18n';
import { useUnits } from '../api/queries';
import { ArticleDrawer } from './ArticleDrawer';
import { Highlighted } from '../common/Highlighted';
import type { Article, ArticleHit, ArticleStatus, UpkeepRow } from './knowledge-api';
import { knowledgeMessages } from './knowledge.messages';
import { hasRole, useSession } from '../shell/session';

const STATUS_COLOR: Record<ArticleStatus, string> = { draft: 'default', published: 'green', expired: 'red' };

/** 知识库: search (ranked, highlighted), list by status, edit with version history, upkeep per unit. */
export function KnowledgePage() {
  const t = useT(knowledgeMessages);
  // Who may write articles (knowledge.edit); everyone else reads them (the drawer opens read-only).
  const canEdit = hasRole(useSession(), 'admin', 'supervisor', 'unit_admin');
  const units = useUnits();
  const unitName = useMemo(() => new Map((units.data?.items ?? []).map((u) => [u.id, u.name])), [units.data]);
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<ArticleStatus | 'all'>('all');
  const [editing, setEditing] = useState<{ id: string | null } | null>(null);
  const list = useArticles(q, status);
  const upkeep = useUpkeep();

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="KnowledgePage">
      <Card
        title={t('title')}
        extra={
          canEdit && (
            <Button type="primary" onClick={() => setEditing({ id: null })} data-testid="knowledge-new">
              {t('new')}
            </Button>
          )
        }
      >
        <Space wrap style={{ marginBottom: 12 }}>
          <Input.Search
            placeholder={t('search')}
            allowClear
            onSearch={(v) => setQ(v.trim())}
            style={{ width: 360 }}
            data-testid="knowledge-search"
          />
          <Segmented
            value={status}
            onChange={(v) => setStatus(v as ArticleStatus | 'all')}
            options={(['all', 'published', 'draft', 'expired'] as const).map((s) => ({
              value: s,
              label: s === 'all' ? t('all') : t(`status.${s}`),
            }))}
          />
        </Space>
        <Table<Article | ArticleHit>
          rowKey="id"
          size="small"
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          pagination={{ pageSize: 20 }}
          onRow={(a) => ({ onClick: () => setEditing({ id: a.id }), style: { cursor: 'pointer' } })}
          columns={[
            {
              title: t('col.title'),
              render: (_, a) => (
                <Space orientation="vertical" size={0}>
                  {'highlight' in a ? <Highlighted fragments={a.highlight.title} /> : a.title}
                  {'highlight' in a && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      <Highlighted fragments={a.highlight.body} />
                    </Typography.Text>
                  )}
                </Space>
              ),
            },
            {
              title: t('col.status'),
              width: 150,
              render: (_, a) => (
                <Space size={2} wrap>
                  <Tag color={STATUS_COLOR[a.status]}>{t(`status.${a.status}`)}</Tag>
                  {a.status === 'published' && !a.answerable && <Tag color="red">{t('notValidToday')}</Tag>}
                  {a.reviewOverdue && <Tag color="orange">{t('reviewOverdue')}</Tag>}
                  {a.public && (
                    <Tag color="cyan" title={t('publicTagHint')} data-testid="knowledge-public-tag">
                      {t('publicTag')}
                    </Tag>
                  )}
                </Space>
              ),
            },
            { title: t('col.owner'), width: 160, render: (_, a) => unitName.get(a.ownerUnitId) ?? '' },
            { title: t('col.validTo'), dataIndex: 'validTo', width: 110 },
            { title: t('col.review'), dataIndex: 'reviewAt', width: 110 },
            { title: t('col.usage'), dataIndex: 'usageCount', width: 90 },
            { title: t('col.version'), dataIndex: 'version', width: 70 },
          ]}
        />
      </Card>
      <Card title={t('upkeep')} size="small">
        <Table<UpkeepRow>
          rowKey="unitId"
          size="small"
          pagination={false}
          dataSource={upkeep.data?.units ?? []}
          columns={[
            { title: t('col.owner'), dataIndex: 'unitName' },
            { title: t('upkeep.owned'), dataIndex: 'owned' },
            { title: t('upkeep.upToDate'), dataIndex: 'upToDate' },
            { title: t('upkeep.expired'), dataIndex: 'expired' },
            { title: t('upkeep.reviewOverdue'), dataIndex: 'reviewOverdue' },
            { title: t('upkeep.usages'), dataIndex: 'usages' },
          ]}
        />
      </Card>
      <ArticleDrawer
        open={editing !== null}
        articleId={editing?.id ?? null}
        readOnly={!canEdit}
        onClose={() => setEditing(null)}
      />
    </Space>
  );
}
