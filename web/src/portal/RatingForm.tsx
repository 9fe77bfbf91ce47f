import { useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { PORTAL_LIMITS, type Satisfaction, type VisitLinkRating } from '../shared/contract';
import { useLang, useT } from '../shared/i18n';
import { apiMessage } from './portal-errors';
import { portalMessages } from './portal.messages';
import { Button, Card, Choice, Counter, Field, Notice } from './ui';

/**
 * 满意/基本满意/不满意 × 已解决/未解决: the citizen's own return visit. `send` carries it — with the
 * order number and query code (the progress page) or through a one-time link (ADR 0202).
 */
export function RatingForm<R>(props: { send: (rating: VisitLinkRating) => Promise<R>; onRated: (result: R) => void }) {
  const t = useT(portalMessages);
  const { lang } = useLang();
  const [satisfaction, setSatisfaction] = useState<Satisfaction>();
  const [resolved, setResolved] = useState<'yes' | 'no'>();
  const [comment, setComment] = useState('');
  const [tried, setTried] = useState(false);
  const max = PORTAL_LIMITS.comment;
  const rate = useMutation({
    mutationFn: () =>
      props.send({
        satisfaction: satisfaction!,
        resolved: resolved === 'yes',
        comment: comment.trim() || undefined,
      }),
    onSuccess: props.onRated,
  });
  const tooLong = comment.length > max;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (satisfaction && resolved && !tooLong) rate.mutate();
  };
  const missing = (v: unknown) => (tried && !v ? t('required') : null);
  return (
    <Card title={t('rateTitle')} testId="portal-rate-form">
      <p>{t('rateLead')}</p>
      <form onSubmit={submit} noValidate>
        <Choice
          label={t('satisfaction')}
          value={satisfaction}
          onChange={setSatisfaction}
          error={missing(satisfaction)}
          options={(['satisfied', 'basically_satisfied', 'dissatisfied'] as const).map((v) => ({
            value: v,
            label: t(`sat.${v}`),
          }))}
        />
        <Choice
          label={t('resolved')}
          value={resolved}
          onChange={setResolved}
          error={missing(resolved)}
          options={[
            { value: 'yes' as const, label: t('resolvedYes') },
            { value: 'no' as const, label: t('resolvedNo') },
          ]}
        />
        <Field
          label={t('comment')}
          error={tooLong ? t('tooLong', { max, n: comment.length, over: comment.length - max }) : null}
          aside={<Counter n={comment.length} max={max} text={t('counter', { n: comment.length, max })} />}
        >
          {(a) => (
            <textarea
              className="p-input"
              id={a.id}
              aria-describedby={a.describedBy}
              rows={3}
              value={comment}
              onChange={(e) => setComment(e.target.value)}
              data-testid="portal-rate-comment"
            />
          )}
        </Field>
        {rate.isError && <Notice kind="error">{apiMessage(rate.error, lang, t('error'))}</Notice>}
        <Button primary big type="submit" busy={rate.isPending} data-testid="portal-rate-submit">
          {t('rateButton')}
        </Button>
      </form>
    </Card>
  );
}
