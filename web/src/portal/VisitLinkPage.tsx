import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../shared/api';
import { useLang, useT } from '../shared/i18n';
import { apiMessage } from './portal-errors';
import { rateVisitLink, useVisitLink, type VisitLinkRated } from './portal-api';
import { portalMessages, type PortalMessageKey } from './portal.messages';
import { when } from './ProgressView';
import { RatingForm } from './RatingForm';
import { Card, Notice, Tag } from './ui';
import { visitLinkMessages } from './visit-link.messages';

/**
 * /portal/v/:token — the return-visit link of the SMS (ADR 0202): the appeal by number, its subject and
 * the reply, and the rating form; no query code, one use. Plain HTML, for a cheap phone.
 */
export function VisitLinkPage() {
  const { token = '' } = useParams();
  const t = useT(visitLinkMessages);
  const p = useT(portalMessages);
  const { lang } = useLang();
  const page = useVisitLink(token);
  const [rated, setRated] = useState<VisitLinkRated | null>(null);

  if (rated) return <Thanks rated={rated} />;
  if (page.isPending) return <p className="p-muted">{t('loading')}</p>;
  if (page.isError) {
    const gone = page.error instanceof ApiError && page.error.status === 409;
    const text =
      page.error instanceof ApiError && page.error.status === 404 ? t('invalid') : apiMessage(page.error, lang, t('error'));
    return (
      <section data-testid="visit-link-page">
        <h2>{t('title')}</h2>
        <Notice kind={gone ? 'info' : 'error'} testId="visit-link-error">
          {text}
        </Notice>
        <Link to="/portal">{t('home')}</Link>
      </section>
    );
  }
  const v = page.data;
  return (
    <section data-testid="visit-link-page">
      <h2>{t('title')}</h2>
      <p>{t('lead', { centre: v.centreName })}</p>
      <Card>
        <dl className="p-dl">
          <dt>{t('orderNo')}</dt>
          <dd data-testid="visit-link-order">{v.orderNo}</dd>
          <dt>{t('subject')}</dt>
          <dd>{v.title}</dd>
          <dt>{t('acceptedAt')}</dt>
          <dd>{when(v.acceptedAt)}</dd>
        </dl>
      </Card>
      {v.reply && (
        <Card title={v.reply.kind === 'answer' ? t('answer') : t('reply')} testId="visit-link-reply">
          {v.reply.result && <Tag>{p(`result.${v.reply.result}` as PortalMessageKey)}</Tag>}
          <p style={{ whiteSpace: 'pre-wrap', marginTop: 8 }}>{v.reply.text}</p>
          <span className="p-muted">{when(v.reply.at)}</span>
        </Card>
      )}
      <RatingForm send={(r) => rateVisitLink(token, r)} onRated={setRated} />
      <p className="p-muted">{t('validUntil', { until: when(v.expiresAt) })}</p>
    </section>
  );
}

function Thanks({ rated }: { rated: VisitLinkRated }) {
  const t = useT(visitLinkMessages);
  const p = useT(portalMessages);
  const { lang } = useLang();
  return (
    <section data-testid="visit-link-thanks">
      <h2>{t('thanks')}</h2>
      <Card>
        <Tag tone="green">{p(`sat.${rated.satisfaction}` as PortalMessageKey)}</Tag>
        <Tag tone={rated.resolved ? 'green' : 'orange'}>{rated.resolved ? p('resolvedYes') : p('resolvedNo')}</Tag>
        <p data-testid="visit-link-stage">{rated.stageText[lang]}</p>
        {rated.toCheck && <Notice kind="info">{t('thanksCheck')}</Notice>}
      </Card>
      <Link to="/portal">{t('home')}</Link>
    </section>
  );
}
