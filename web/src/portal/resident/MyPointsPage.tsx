import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ENTRY_KIND_LABELS, type ShopView } from '../../shared/contract';
import { useLang, useT } from '../../shared/i18n';
import { when } from '../ProgressView';
import { apiMessage } from '../portal-errors';
import { Button, Card, Notice } from '../ui';
import { redeemMine, residentKeys, useMyPoints, usePublicShops } from './resident-api';
import { residentMessages } from './resident.messages';
import { ResidentGate } from './ResidentGate';

/** 我的积分: balance, household stars, the entries, and the 爱心超市's goods to redeem. */
export function MyPointsPage() {
  const t = useT(residentMessages);
  return (
    <section>
      <h2>{t('goPoints')}</h2>
      <ResidentGate>{(token, signOut) => <MyPoints token={token} signOut={signOut} />}</ResidentGate>
    </section>
  );
}

function MyPoints({ token, signOut }: { token: string; signOut: () => void }) {
  const t = useT(residentMessages);
  const { lang } = useLang();
  const client = useQueryClient();
  const me = useMyPoints(token);
  const shops = usePublicShops();
  const [said, setSaid] = useState<string | null>(null);
  const redeem = useMutation({
    mutationFn: (v: { itemId: string; shop: ShopView }) => redeemMine(token, { itemId: v.itemId, quantity: 1 }),
    onSuccess: (r, v) => {
      setSaid(t('redeemed', { balance: r.balance, shop: v.shop.name }));
      void client.invalidateQueries({ queryKey: residentKeys.points(token) });
      void client.invalidateQueries({ queryKey: residentKeys.shops });
    },
  });
  const balance = me.data?.balance ?? 0;
  return (
    <>
      {me.error && <Notice kind="error">{apiMessage(me.error, lang, t('error'))}</Notice>}
      {me.data && (
        <Card title={t('hello', { name: me.data.name })}>
          <div className="p-muted">{t('balance')}</div>
          <div className="portal-number" data-testid="my-balance">
            {me.data.balance}
          </div>
          {me.data.householdStars !== null && <div>{t('stars', { stars: '★'.repeat(me.data.householdStars) || '0' })}</div>}
        </Card>
      )}
      {said && (
        <Notice kind="success" testId="redeem-said">
          {said}
        </Notice>
      )}
      {redeem.isError && <Notice kind="error">{apiMessage(redeem.error, lang, t('error'))}</Notice>}
      {shops.data?.shops.map((s) => (
        <Card key={s.id} title={`${t('shop')} · ${s.name}`} testId="portal-shop">
          {s.items.length === 0 && <p>{t('shopEmpty')}</p>}
          <ul className="p-list">
            {s.items.map((i) => (
              <li
                key={i.id}
                style={{ display: 'flex', gap: 8, alignItems: 'center', justifyContent: 'space-between', flexWrap: 'wrap' }}
              >
                <span>
                  <strong>{i.name}</strong>{' '}
                  <span className="p-muted">
                    {t('cost', { cost: i.cost })} · {t('stock', { stock: i.stock })}
                  </span>
                </span>
                <Button
                  primary
                  disabled={i.stock === 0 || i.cost > balance}
                  busy={redeem.isPending && redeem.variables?.itemId === i.id}
                  onClick={() => redeem.mutate({ itemId: i.id, shop: s })}
                  data-testid={`redeem-${i.name}`}
                >
                  {i.stock === 0 ? t('soldOut') : i.cost > balance ? t('notEnough') : t('redeem')}
                </Button>
              </li>
            ))}
          </ul>
        </Card>
      ))}
      <Card title={t('entries')}>
        {me.data && me.data.entries.length === 0 && <p>{t('noEntries')}</p>}
        <ul className="p-list" data-testid="my-entries">
          {me.data?.entries.map((e) => (
            <li key={e.id} style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
              <span style={{ minWidth: 0, wordBreak: 'break-word' }}>
                {ENTRY_KIND_LABELS[e.kind][lang]}
                {e.itemName || e.note ? ` · ${e.itemName ?? e.note}` : ''}
                <br />
                <span className="p-muted">{when(e.at)}</span>
              </span>
              <strong style={{ color: e.points < 0 ? '#cf1322' : '#389e0d', whiteSpace: 'nowrap' }}>
                {e.points > 0 ? `+${e.points}` : e.points}
              </strong>
            </li>
          ))}
        </ul>
      </Card>
      <Button big style={{ marginTop: 16 }} onClick={signOut} data-testid="resident-sign-out">
        {t('signOut')}
      </Button>
    </>
  );
}
