import { useLang, useT } from '../shared/i18n';
import { rateAppeal, type PortalKey, type PortalProgress } from './portal-api';
import { portalMessages, type PortalMessageKey } from './portal.messages';
import { PortalPhotos } from './PortalPhotos';
import { RatingForm } from './RatingForm';
import { Button, Card, Tag } from './ui';

const two = (n: number) => String(n).padStart(2, '0');
/** Local date and time as 2026-12-06 09:30, the way the hotline writes them (no date library needed). */
export const when = (iso: string) => {
  const d = new Date(iso);
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`;
};

/** Progress in plain words: the status, the promised date, the steps so far, the reply, and the rating. */
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
        <span className="p-muted">{t('status')}</span>
        <div className="portal-stage" data-testid="portal-stage" data-stage={p.stage}>
          {p.stageText[lang]}
        </div>
        {p.promisedBy && (
          <div data-testid="portal-promised" style={{ marginTop: 12 }}>
            <span className="p-muted">{t('promisedBy')}</span>
            <div className="portal-promised">{when(p.promisedBy)}</div>
            <span className="p-muted">{t('promisedLead')}</span>
          </div>
        )}
      </Card>
      <Card title={t('steps')}>
        <ol className="p-steps" data-testid="portal-steps">
          {p.steps.map((s, i) => (
            <li key={i}>
              <div className="portal-step">{s.text[lang]}</div>
              <span className="p-muted">{when(s.at)}</span>
            </li>
          ))}
        </ol>
      </Card>
      {p.progressReport && (
        <Card title={t('progressReport')} testId="portal-progress-report">
          <dl className="p-dl">
            <dt>{t('progressDone')}</dt>
            <dd style={{ whiteSpace: 'pre-wrap' }}>{p.progressReport.progress}</dd>
            <dt>{t('progressWhy')}</dt>
            <dd style={{ whiteSpace: 'pre-wrap' }}>{p.progressReport.reason}</dd>
            {p.progressReport.nextBy && (
              <>
                <dt>{t('progressNext')}</dt>
                <dd>{when(p.progressReport.nextBy)}</dd>
              </>
            )}
          </dl>
          <span className="p-muted">{when(p.progressReport.at)}</span>
        </Card>
      )}
      {p.reply && (
        <Card title={p.reply.kind === 'not_accepted' ? t('notAccepted') : t('reply')} testId="portal-reply">
          {p.reply.result && <Tag>{t(`result.${p.reply.result}` as PortalMessageKey)}</Tag>}
          <p style={{ whiteSpace: 'pre-wrap', marginTop: 8 }}>{p.reply.text ?? p.reply.reasonText?.[lang]}</p>
          <span className="p-muted">{when(p.reply.at)}</span>
        </Card>
      )}
      {p.canRate && <RatingForm send={(r) => rateAppeal({ ...props.portalKey, ...r })} onRated={props.onRated} />}
      {p.rating && (
        <Card title={t('yourRating')} testId="portal-rating">
          <Tag tone="green">{t(`sat.${p.rating.satisfaction}` as PortalMessageKey)}</Tag>
          <Tag tone={p.rating.resolved ? 'green' : 'orange'}>{p.rating.resolved ? t('resolvedYes') : t('resolvedNo')}</Tag>
          {p.rating.comment && (
            <dl className="p-dl" data-testid="portal-rating-comment">
              <dt>{t('yourComment')}</dt>
              <dd>{p.rating.comment}</dd>
            </dl>
          )}
        </Card>
      )}
      <Card title={t('yourAppeal')}>
        <dl className="p-dl">
          <dt>{t('orderNo')}</dt>
          <dd>{p.orderNo}</dd>
          <dt>{t('submittedAt')}</dt>
          <dd>{when(p.acceptedAt)}</dd>
          <dt>{t('viewTitle')}</dt>
          <dd>{p.title}</dd>
          <dt>{t('viewContent')}</dt>
          <dd>{p.content}</dd>
          {p.address && (
            <>
              <dt>{t('viewAddress')}</dt>
              <dd>{p.address}</dd>
            </>
          )}
          <dt>{t('contact')}</dt>
          <dd>
            {p.caller.name} {p.caller.phone}
          </dd>
        </dl>
        {p.photos > 0 && <span className="p-muted">{t('photosSent', { n: p.photos })}</span>}
        {p.photoIds.length > 0 && <PortalPhotos portalKey={props.portalKey} photoIds={p.photoIds} />}
      </Card>
    </div>
  );
}
