import { useState } from 'react';
import { Card, Input, Table, Typography } from 'antd';
import { usePiiAccessLog } from './audit-api';
import { useLang, useT } from '../../shared/i18n';
import { errorText } from '../api/mutation';
import { auditActionName, type PiiAccessLogView } from '../../shared/contract';
import { formatSeconds } from '../common/tags';
import { auditMessages } from './audit.messages';

type PiiAccessEntry = PiiAccessLogView['entries'][number];

/** Who viewed the personal data of one order (GET /api/audit/pii-access): a card of the 审计记录 screen. */
export function PiiAccessCard() {
  const t = useT(auditMessages);
  const { lang } = useLang();
  const [order, setOrder] = useState('');
  const log = usePiiAccessLog(order);
  return (
    <Card size="small" title={t('audit.title')} data-testid="audit-page">
      <Typography.Paragraph type="secondary">{t('audit.note')}</Typography.Paragraph>
      <Input.Search
        placeholder={t('audit.order')}
        enterButton={t('audit.search')}
        onSearch={(value) => setOrder(value.trim())}
        style={{ maxWidth: 360, marginBottom: 16 }}
        data-testid="audit-order"
      />
      {log.error && <Typography.Paragraph type="danger">{errorText(log.error, lang)}</Typography.Paragraph>}
      <Table<PiiAccessEntry>
        size="small"
        rowKey={(e) => `${e.at}-${e.username}-${e.purpose}`}
        loading={log.isFetching}
        dataSource={log.data?.entries}
        pagination={{ hideOnSinglePage: true }}
        data-testid="audit-entries"
        columns={[
          { title: t('audit.at'), dataIndex: 'at', render: (at: string) => formatSeconds(at) },
          { title: t('audit.user'), dataIndex: 'username' },
          { title: t('audit.fields'), dataIndex: 'fields', render: (f: string[]) => f.join(', ') },
          { title: t('audit.purpose'), dataIndex: 'purpose', render: (p: string) => auditActionName(p, lang) },
        ]}
      />
    </Card>
  );
}
