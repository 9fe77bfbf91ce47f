import { Space, Tag, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router-dom';
import { useT } from '../../shared/i18n';
import type { ArticleDetail } from './knowledge-api';
import { knowledgeMessages } from './knowledge.messages';

/** An article's versions (every save is one) and the orders that used it lately. */
export function ArticleHistory({ detail }: { detail: ArticleDetail }) {
  const t = useT(knowledgeMessages);
  return (
    <>
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('versions')}
      </Typography.Title>
      <Timeline
        items={detail.versions.map((v) => ({
          key: v.version,
          content: (
            <Space orientation="vertical" size={0}>
              <Space size={4} wrap>
                <Typography.Text strong>{t('version', { n: v.version })}</Typography.Text>
                <Tag>{t(`status.${v.status}`)}</Tag>
                <Typography.Text type="secondary">
                  {dayjs(v.editedAt).format('YYYY-MM-DD HH:mm')} {v.editorName ?? 'system'}
                </Typography.Text>
              </Space>
              {v.note && <Typography.Text italic>{v.note}</Typography.Text>}
              <Typography.Text>{v.title}</Typography.Text>
              <Typography.Paragraph type="secondary" ellipsis={{ rows: 2, expandable: true }} style={{ marginBottom: 0 }}>
                {v.body}
              </Typography.Paragraph>
            </Space>
          ),
        }))}
      />
      {detail.recentUsages.length > 0 && (
        <>
          <Typography.Title level={5}>{t('usages')}</Typography.Title>
          <Space wrap>
            {detail.recentUsages.map((u) => (
              <Link key={u.orderId} to={`/orders/${u.orderId}`}>
                {u.orderNo}
              </Link>
            ))}
          </Space>
        </>
      )}
    </>
  );
}
