import { Button, Card, List, Space, Typography } from 'antd';
import { PHONE_REGEXP as PHONE } from '../../../../src/orders/phone';
import { useT } from '../../shared/i18n';
import { DuplicateEvidence } from './DuplicateEvidence';
import { useDuplicateCheck } from './knowledge-api';
import { knowledgeMessages } from './knowledge.messages';
import { MIN_ASSIST_CHARS } from './KnowledgeHits';
import { LookupUnavailable } from './LookupUnavailable';

/** Possible duplicates of the appeal being typed (score and reasons), each with 并单 to merge into it. */
export function DuplicateHits(props: {
  title: string;
  content: string;
  callerPhone?: string;
  address?: string;
  regionId?: string;
  categoryId?: string;
  /** The intake pin (WGS-84): candidates within the category's radius count as nearby. */
  lat?: number;
  lng?: number;
  onPick?: (orderId: string) => void;
}) {
  const t = useT(knowledgeMessages);
  // Clipped to what the check accepts: a field typed past its limit (the form says so) must not
  // silence the duplicate check meanwhile.
  const body = {
    title: props.title.slice(0, 200),
    content: props.content.slice(0, 10_000),
    callerPhone: props.callerPhone ?? '',
    address: (props.address ?? '').slice(0, 300),
    regionId: props.regionId || undefined,
    categoryId: props.categoryId || undefined,
    lat: props.lat,
    lng: props.lng,
  };
  const enabled = (props.title + props.content).trim().length >= MIN_ASSIST_CHARS || PHONE.test(body.callerPhone);
  const q = useDuplicateCheck({ ...body, callerPhone: PHONE.test(body.callerPhone) ? body.callerPhone : '' }, enabled);
  if (!enabled) return null;
  return (
    <Card size="small" title={t('assist.duplicates')} data-testid="assist-duplicates" loading={q.isLoading}>
      {q.isError ? (
        <LookupUnavailable error={q.error} />
      ) : (q.data?.candidates.length ?? 0) === 0 ? (
        <Typography.Text type="secondary">{t('assist.noDuplicates')}</Typography.Text>
      ) : (
        <List
          size="small"
          dataSource={q.data!.candidates}
          renderItem={(c) => (
            <List.Item
              key={c.orderId}
              actions={[
                <Button
                  key="merge"
                  size="small"
                  danger={c.likely}
                  onClick={() => props.onPick?.(c.orderId)}
                  data-testid="assist-merge"
                >
                  {t('assist.merge')}
                </Button>,
              ]}
            >
              <List.Item.Meta
                title={
                  <Space size={4} wrap>
                    <Typography.Text code>{c.orderNo}</Typography.Text>
                    <span>{c.title}</span>
                  </Space>
                }
                description={
                  <Space size={4} wrap>
                    <DuplicateEvidence candidate={c} />
                  </Space>
                }
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
