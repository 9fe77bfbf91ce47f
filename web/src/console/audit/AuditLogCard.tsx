import { useState } from 'react';
import { Alert, Button, Card, DatePicker, Input, Space, Table, Tag, Tooltip } from 'antd';
import { auditActionName, auditDetailInWords } from '../../shared/contract';
import { useLang, useT } from '../../shared/i18n';
import { formatSeconds } from '../common/tags';
import { auditLogCsvUrl, useAuditLog, type AuditFilter } from './audit-api';
import { auditMessages } from './audit.messages';

/** The centre's audit trail searched by person, action and time, exported as CSV. */
export function AuditLogCard() {
  const t = useT(auditMessages);
  const { lang } = useLang();
  const [draft, setDraft] = useState<AuditFilter>({ person: '', action: '', range: null });
  const [filter, setFilter] = useState<AuditFilter>(draft);
  const log = useAuditLog(filter);
  return (
    <Card size="small" title={t('title')}>
      <Space wrap style={{ marginBottom: 8 }}>
        <Input
          placeholder={t('search.person')}
          value={draft.person}
          style={{ width: 200 }}
          data-testid="audit-person"
          onChange={(e) => setDraft({ ...draft, person: e.target.value })}
        />
        <Input
          placeholder={t('search.action')}
          value={draft.action}
          style={{ width: 240 }}
          data-testid="audit-action"
          onChange={(e) => setDraft({ ...draft, action: e.target.value })}
        />
        <DatePicker.RangePicker value={draft.range} onChange={(range) => setDraft({ ...draft, range })} />
        <Button type="primary" onClick={() => setFilter(draft)} data-testid="audit-search">
          {t('search.go')}
        </Button>
        <Button href={auditLogCsvUrl(filter)} data-testid="audit-export">
          {t('search.export')}
        </Button>
      </Space>
      {log.data?.more && <Alert type="info" showIcon message={t('search.more')} style={{ marginBottom: 8 }} />}
      <Table
        rowKey="id"
        size="small"
        loading={log.isLoading}
        dataSource={log.data?.entries ?? []}
        pagination={{ pageSize: 8, showSizeChanger: false }}
        data-testid="audit-log"
        columns={[
          {
            title: t('col.at'),
            dataIndex: 'at',
            width: 170,
            render: (at: string) => formatSeconds(at),
          },
          {
            title: t('col.user'),
            key: 'user',
            width: 150,
            render: (_, e) => (e.displayName ? `${e.displayName}（${e.username}）` : (e.username ?? '—')),
          },
          {
            title: t('col.action'),
            dataIndex: 'action',
            width: 190,
            render: (a: string) => (
              <Tooltip title={a}>
                <Tag data-testid="audit-action-name">{auditActionName(a, lang)}</Tag>
              </Tooltip>
            ),
          },
          { title: t('col.target'), key: 'target', width: 140, render: (_, e) => e.orderNo ?? e.subject ?? '—' },
          {
            title: t('col.detail'),
            key: 'detail',
            ellipsis: true,
            render: (_, e) => {
              const words = [e.fields.join(' '), auditDetailInWords(e.detail, lang)].filter(Boolean).join(' · ');
              return (
                <Tooltip title={words} placement="topLeft">
                  <span data-testid="audit-detail">{words}</span>
                </Tooltip>
              );
            },
          },
          { title: t('col.seq'), dataIndex: 'chainSeq', width: 80 },
        ]}
      />
    </Card>
  );
}
