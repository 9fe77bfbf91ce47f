import { useState } from 'react';
import { Alert, Button, Card, Modal, Tabs } from 'antd';
import { WISH_COMMUNITY_ROLES } from '../../shared/contract';
import { useT } from '../../shared/i18n';
import { hasRole, useSession } from '../shell/session';
import { PostWishForm } from './PostWishForm';
import { WishList } from './WishList';
import { WishRates } from './WishRates';
import { useWishSettings } from './wishes-api';
import { wishMessages } from './wishes.messages';

/**
 * /wishes (issue 19, ADR 0189): 微心愿 — community staff review wishes and post them for residents, claimers
 * claim by rank and fulfil with a photo, staff confirm for residents without a phone; readers see the rates.
 */
export function WishesPage() {
  const t = useT(wishMessages);
  const me = useSession();
  const community = hasRole(me, ...WISH_COMMUNITY_ROLES);
  const settings = useWishSettings().data;
  const [posting, setPosting] = useState(false);
  return (
    <Card
      title={t('title')}
      data-testid="wishes-page"
      extra={
        community && (
          <Button type="primary" onClick={() => setPosting(true)} data-testid="wish-post">
            {t('post')}
          </Button>
        )
      }
    >
      {settings && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('rank.title')}
          description={t('rank.text', {
            teamHours: settings.memberHours,
            principalHours: settings.memberHours + settings.teamHours,
          })}
          data-testid="wish-rank-rule"
        />
      )}
      <Tabs
        destroyOnHidden
        items={[
          { key: 'list', label: t('tab.list'), children: <WishList /> },
          { key: 'rates', label: <span data-testid="wishes-tab-rates">{t('tab.rates')}</span>, children: <WishRates /> },
        ]}
      />
      <Modal open={posting} title={t('post')} footer={null} destroyOnHidden onCancel={() => setPosting(false)}>
        <PostWishForm onDone={() => setPosting(false)} />
      </Modal>
    </Card>
  );
}
