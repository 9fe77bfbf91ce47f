import { Space, Tag, Typography } from 'antd';
import { useT } from '../../shared/i18n';
import type { OrderDetail } from '../api/types';
import { formatTime } from '../common/tags';
import { orderMessages } from './orders.messages';

/** Whether the order page has an origin to show: an outside system's order or an imported one. */
export const hasOrigin = (origin: OrderDetail['origin']) => origin.apiClient !== null || origin.importRun !== null;

/**
 * Where an order came from beyond its channel (issue 17): the outside system that submitted it with
 * the Open311 answers it sent and its photo link, or the 已导入 mark with the import run.
 */
export function OrderOrigin({ origin }: { origin: OrderDetail['origin'] }) {
  const t = useT(orderMessages);
  const { apiClient, open311, importRun } = origin;
  return (
    <Space direction="vertical" size={4} data-testid="order-origin">
      {apiClient && (
        <span>
          <Tag color="geekblue" data-testid="order-origin-client">
            {t('origin.client', { name: apiClient.name })}
          </Tag>
          {open311?.externalId && (
            <Typography.Text type="secondary">{t('origin.externalId', { id: open311.externalId })}</Typography.Text>
          )}
        </span>
      )}
      {open311?.attributes.map((a) => (
        <span key={a.code} data-testid={`order-origin-attr-${a.code}`}>
          {a.label}：{a.values.join('、')}
        </span>
      ))}
      {open311?.mediaUrl && (
        <Typography.Link
          href={open311.mediaUrl}
          target="_blank"
          rel="noopener noreferrer nofollow"
          data-testid="order-origin-media"
        >
          {t('origin.media')}
        </Typography.Link>
      )}
      {importRun && (
        <span data-testid="order-imported">
          <Tag color="purple">{t('origin.imported')}</Tag>
          {t('origin.importRun', { file: importRun.fileName, at: formatTime(importRun.startedAt) })}
        </span>
      )}
    </Space>
  );
}
