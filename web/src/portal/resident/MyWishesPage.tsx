import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { WISH_STATE_LABELS } from '../../shared/contract';
import { useLang, useT } from '../../shared/i18n';
import { when } from '../ProgressView';
import { apiMessage } from '../portal-errors';
import { Button, Card, Notice, Tag, TextField } from '../ui';
import { confirmMyWish, postMyWish, residentKeys, useMyWishes } from './resident-api';
import { residentMessages } from './resident.messages';
import { ResidentGate } from './ResidentGate';

/** 我要许愿 and 我的心愿: post a wish (the community reviews it), follow it, confirm once it came true. */
export function MyWishesPage() {
  const t = useT(residentMessages);
  return (
    <section>
      <h2>{t('myWishes')}</h2>
      <ResidentGate>{(token, signOut) => <MyWishes token={token} signOut={signOut} />}</ResidentGate>
    </section>
  );
}

function MyWishes({ token, signOut }: { token: string; signOut: () => void }) {
  const t = useT(residentMessages);
  const { lang } = useLang();
  const client = useQueryClient();
  const mine = useMyWishes(token);
  const [title, setTitle] = useState('');
  const [detail, setDetail] = useState('');
  const [said, setSaid] = useState<string | null>(null);
  const refresh = () => client.invalidateQueries({ queryKey: residentKeys.mine(token) });
  const post = useMutation({
    mutationFn: () => postMyWish(token, { title: title.trim(), detail: detail.trim() }),
    onSuccess: () => {
      setTitle('');
      setDetail('');
      setSaid(t('wishSent'));
      void refresh();
    },
  });
  const confirm = useMutation({
    mutationFn: (id: string) => confirmMyWish(token, id),
    onSuccess: (r) => {
      setSaid(r.pointsAwarded ? t('confirmedPoints', { n: r.pointsAwarded }) : t('confirmed'));
      void refresh();
    },
  });
  const onPost = (e: FormEvent) => {
    e.preventDefault();
    setSaid(null);
    if (title.trim() && detail.trim()) post.mutate();
  };
  const failed = post.error ?? confirm.error ?? mine.error;
  return (
    <>
      <Card title={t('postWish')}>
        <form onSubmit={onPost} noValidate>
          <TextField label={t('wishTitle')} maxLength={40} value={title} onChange={setTitle} testId="wish-title" />
          <TextField label={t('wishDetail')} maxLength={500} rows={4} value={detail} onChange={setDetail} testId="wish-detail" />
          <Button primary big type="submit" busy={post.isPending} data-testid="wish-send">
            {t('wishSend')}
          </Button>
        </form>
      </Card>
      {said && (
        <Notice kind="success" testId="wish-said">
          {said}
        </Notice>
      )}
      {failed && <Notice kind="error">{apiMessage(failed, lang, t('error'))}</Notice>}
      {mine.data && mine.data.wishes.length === 0 && <Notice kind="info">{t('mineEmpty')}</Notice>}
      <ul className="p-list" data-testid="my-wishes">
        {mine.data?.wishes.map((w) => (
          <li key={w.id} data-testid="my-wish">
            <div className="portal-step">
              <Tag tone={w.state === 'confirmed' ? 'green' : w.state === 'rejected' ? 'orange' : 'blue'}>
                {WISH_STATE_LABELS[w.state][lang]}
              </Tag>
              {w.title}
            </div>
            <div className="p-muted">{when(w.postedAt)}</div>
            {w.rejectReason && <div>{t('rejected', { reason: w.rejectReason })}</div>}
            {w.proofText && <div>{t('proof', { text: w.proofText })}</div>}
            {w.state === 'fulfilled' && (
              <Button
                primary
                busy={confirm.isPending}
                onClick={() => confirm.mutate(w.id)}
                data-testid="wish-confirm"
                style={{ marginTop: 8 }}
              >
                {t('confirm')}
              </Button>
            )}
          </li>
        ))}
      </ul>
      <Button big style={{ marginTop: 16 }} onClick={signOut} data-testid="resident-sign-out">
        {t('signOut')}
      </Button>
    </>
  );
}
