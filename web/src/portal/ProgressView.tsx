import { Button, Card, Descriptions, Tag, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useLang, useT } from '../shared/i18n';
import type { PortalKey, PortalProgress } from './portal-api';
import { portalMessages, type PortalMessageKey } from './portal.messages';
import { PortalPhotos } from './PortalPhotos';
import { RatingForm } from './RatingForm';

const when = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm');

/** Progress in plain words: the status, the steps so far, the reply, and the rating when it is due. */
export function ProgressView(props: {
  progress: PortalProgress;
  portalKey: PortalKey;
  onRated: (p: PortalProgress) => void;
  onRefresh: () => void;
}) {
  const { progress: p } = props;
  const t = useT(portalMessages);
  const { lang } = useLang();
  return (
    <div data-testid="portal-progress" style={{ marginTop: 24 }}>
      <Card
        title={t('progressTitle')}
        extra={
          <Button onClick={props.onRefresh} data-testid="portal-refresh">
            {t('refresh')}
          </Button>
        }
      >
        <Typography.Text type="secondary">{t('status')}</Typography.Text>
        <div className="portal-stage" data-testid="portal-stage" data-stage={p.stage}>
          {p.stageText[lang]}
        </div>
      </Card>
      <Card title={t('steps')} style={{ marginTop: 16 }}>
        <Timeline
          data-testid="portal-steps"
          items={p.steps.map((s, i) => ({
            key: i,
            color: i === p.steps.length - 1 ? 'blue' : 'gray',
            content: (
              <>
                <div className="portal-step">{s.text[lang]}</div>
                <Typography.Text type="secondary">{when(s.at)}</Typography.Text>
              </>
            ),
          }))}
        />
      </Card>
      {p.reply && (
        <Card
          title={p.reply.kind === 'not_accepted' ? t('notAccepted') : t('reply')}
          style={{ marginTop: 16 }}
          data-testid="portal-reply"
        >
          {p.reply.result && <Tag color="blue">{t(`result.${p.reply.result}` as PortalMessageKey)}</Tag>}
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 8 }}>
            {p.reply.text ?? p.reply.reasonText?.[lang]}
          </Typography.Paragraph>
          <Typography.Text type="secondary">{when(p.reply.at)}</Typography.Text>
        </Card>
      )}
      {p.canRate && <RatingForm portalKey={props.portalKey} onRated={props.onRated} />}
      {p.rating && (
        <Card title={t('yourRating')} style={{ marginTop: 16 }} data-testid="portal-rating">
          <Tag color="green">{t(`sat.${p.rating.satisfaction}` as PortalMessageKey)}</Tag>
          <Tag color={p.rating.resolved ? 'green' : 'orange'}>{p.rating.resolved ? t('resolvedYes') : t('resolvedNo')}</Tag>
        </Card>
      )}
      <Card title={t('yourAppeal')} style={{ marginTop: 16 }}>
        <Descriptions column={1} size="small" layout="vertical">
          <Descriptions.Item label={t('orderNo')}>{p.orderNo}</Descriptions.Item>
          <Descriptions.Item label={t('submittedAt')}>{when(p.acceptedAt)}</Descriptions.Item>
          <Descriptions.Item label={t('viewTitle')}>{p.title}</Descriptions.Item>
          <Descriptions.Item label={t('viewContent')}>{p.content}</Descriptions.Item>
          {p.address && <Descriptions.Item label={t('viewAddress')}>{p.address}</Descriptions.Item>}
          <Descriptions.Item label={t('contact')}>
            {p.caller.name} {p.caller.phone}
          </Descriptions.Item>
        </Descriptions>
        {p.photos > 0 && <Typography.Text type="secondary">{t('photosSent', { n: p.photos })}</Typography.Text>}
        {p.photoIds.length > 0 && <PortalPhotos portalKey={props.portalKey} photoIds={p.photoIds} />}
      </Card>
    </div>
  );
}
