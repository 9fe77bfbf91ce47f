import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { MATTER_STATUS_LABELS, type MatterStatus, type PublicMatter } from '../../shared/contract';
import { useLang, useT } from '../../shared/i18n';
import { when } from '../ProgressView';
import { apiMessage } from '../portal-errors';
import { Button, Card, Notice, Tag } from '../ui';
import { ResidentGate } from '../resident/ResidentGate';
import { useResidentSession } from '../resident/resident-session';
import { castVote, portalMatterKeys, usePublicMatters, usePublicRound } from './portal-matters-api';
import { portalMatterMessages } from './matters.messages';

const TONE: Partial<Record<MatterStatus, 'blue' | 'green' | 'orange'>> = {
  voting: 'blue',
  adopted: 'blue',
  in_progress: 'orange',
  done: 'green',
};

/** 民生实事 (issue 19, ADR 0206): the year's public list with schedule and progress, and the open 票决 on a phone. */
export function PublicMattersPage() {
  const t = useT(portalMatterMessages);
  const year = new Date().getFullYear();
  const list = usePublicMatters(year);
  const shown = list.data?.matters.filter((m) => m.status !== 'voting') ?? [];
  return (
    <section>
      <h2>{t('title', { year })}</h2>
      <p className="p-muted">{t('lead')}</p>
      <VoteSection />
      {list.data && shown.length === 0 && <Notice kind="info">{t('empty')}</Notice>}
      <ul className="p-list" data-testid="public-matters">
        {shown.map((m) => (
          <MatterItem key={m.id} m={m} />
        ))}
      </ul>
    </section>
  );
}

function MatterItem({ m }: { m: PublicMatter }) {
  const t = useT(portalMatterMessages);
  const { lang } = useLang();
  const latest = m.progress[0];
  return (
    <li data-testid="public-matter">
      <div className="portal-step">
        <Tag tone={TONE[m.status]}>{MATTER_STATUS_LABELS[m.status][lang]}</Tag>
        {m.title}
        {m.votes !== null && <span className="p-muted"> · {t('votes', { n: m.votes })}</span>}
      </div>
      <div style={{ wordBreak: 'break-word' }}>{m.description}</div>
      {m.unitNames.length > 0 && (
        <div className="p-muted">
          {t('units')}：{m.unitNames.join('、')}
          {m.regionName ? ` · ${m.regionName}` : ''}
        </div>
      )}
      {m.milestones.length > 0 && (
        <ol className="p-muted" style={{ margin: '4px 0', paddingInlineStart: 20 }}>
          {m.milestones.map((s) => (
            <li key={`${s.name}-${s.dueOn}`}>
              {s.doneOn ? '✓ ' : ''}
              {s.name}（{s.doneOn ? t('done', { date: s.doneOn }) : t('due', { date: s.dueOn })}）
            </li>
          ))}
        </ol>
      )}
      {latest && (
        <div data-testid="public-matter-progress">
          {t('progress')}：{latest.reportedOn} {latest.body}
        </div>
      )}
    </li>
  );
}

function VoteSection() {
  const t = useT(portalMatterMessages);
  const { token } = useResidentSession();
  const round = usePublicRound(token).data;
  const [signingIn, setSigningIn] = useState(false);
  if (!round?.round) return null;
  const r = round.round;
  return (
    <Card title={t('voteTitle', { title: r.title })} testId="matter-vote">
      <p>{t('voteLead', { max: r.maxPicks, k: r.adoptCount })}</p>
      <p className="p-muted">{r.open ? t('voteUntil', { at: when(r.closesAt) }) : t('voteClosed')}</p>
      {r.open && !token && !signingIn && (
        <Button primary big onClick={() => setSigningIn(true)} data-testid="matter-vote-signin">
          {t('signInToVote')}
        </Button>
      )}
      {r.open && (token || signingIn) ? (
        <ResidentGate>{(tk) => <Ballot token={tk} />}</ResidentGate>
      ) : (
        <ul className="p-list">
          {round.candidates.map((c) => (
            <li key={c.id}>
              <div className="portal-step">{c.title}</div>
              <div>{c.description}</div>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

function Ballot({ token }: { token: string }) {
  const t = useT(portalMatterMessages);
  const { lang } = useLang();
  const client = useQueryClient();
  const data = usePublicRound(token).data;
  const [said, setSaid] = useState<string | null>(null);
  const vote = useMutation({
    mutationFn: (matterId: string) => castVote(token, data!.round!.id, matterId),
    onSuccess: async () => {
      setSaid(t('thanks'));
      await client.invalidateQueries({ queryKey: portalMatterKeys.roundAll });
    },
  });
  if (!data?.round) return null;
  const left = data.round.maxPicks - data.myPicks.length;
  return (
    <div data-testid="matter-ballot">
      {said && (
        <Notice kind="success" testId="matter-vote-done">
          {said}
        </Notice>
      )}
      {vote.error && <Notice kind="error">{apiMessage(vote.error, lang, t('voteFailed'))}</Notice>}
      <p className="p-muted" data-testid="matter-picks-left">
        {t('picksLeft', { n: Math.max(0, left) })}
      </p>
      <ul className="p-list">
        {data.candidates.map((c) => {
          const mine = data.myPicks.includes(c.id);
          return (
            <li key={c.id} data-testid="matter-candidate">
              <div className="portal-step">{c.title}</div>
              <div style={{ wordBreak: 'break-word' }}>{c.description}</div>
              {c.unitNames.length > 0 && <div className="p-muted">{c.unitNames.join('、')}</div>}
              <Button
                big
                primary={!mine}
                disabled={mine || left <= 0 || vote.isPending}
                onClick={() => vote.mutate(c.id)}
                data-testid={`matter-vote-${c.title}`}
              >
                {mine ? t('voted') : t('vote')}
              </Button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
