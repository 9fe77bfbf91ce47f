import { useState } from 'react';
import { Button, Form, Input, Modal, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { WISH_COMMUNITY_ROLES, type WishView } from '../../shared/contract';
import { useT } from '../../shared/i18n';
import { useWrite } from '../api/mutation';
import { formatTime } from '../common/tags';
import { hasRole, useSession } from '../shell/session';
import { FulfilForm } from './FulfilForm';
import { claimWish, confirmWish, moderateWish, wishKeys, wishPhotoUrl, useWishSettings } from './wishes-api';
import { wishMessages } from './wishes.messages';

const invalidate = [wishKeys.all];

/** What the reader may do with one wish now: review, claim (by rank window), fulfil, confirm, see the photo. */
export function WishActions({ wish: w }: { wish: WishView }) {
  const t = useT(wishMessages);
  const me = useSession();
  const write = useWrite();
  const settings = useWishSettings().data;
  const [dialog, setDialog] = useState<'reject' | 'fulfil' | null>(null);
  const community = hasRole(me, ...WISH_COMMUNITY_ROLES);
  const now = dayjs();
  const mine = w.collective ? w.claimedUnitName === me.unitName : w.claimedByName === me.displayName;
  const collectiveFrom = w.openAt && settings ? dayjs(w.openAt).add(settings.memberHours + settings.teamHours, 'hour') : null;
  const buttons = [];
  if (w.state === 'pending' && community) {
    buttons.push(
      <Button
        key="ok"
        size="small"
        type="primary"
        data-testid="wish-approve"
        onClick={() => void write(() => moderateWish(w.id, { approve: true }), { success: t('approved'), invalidate })}
      >
        {t('approve')}
      </Button>,
      <Button key="no" size="small" onClick={() => setDialog('reject')} data-testid="wish-reject">
        {t('reject')}
      </Button>,
    );
  }
  if (w.state === 'open' && w.claimableFrom) {
    const from = dayjs(w.claimableFrom);
    if (!from.isAfter(now)) {
      buttons.push(
        <Button
          key="claim"
          size="small"
          type="primary"
          data-testid="wish-claim"
          onClick={() => void write(() => claimWish(w.id), { success: t('claimed'), invalidate })}
        >
          {t('claim')}
        </Button>,
      );
    } else {
      buttons.push(
        <Typography.Text key="later" type="secondary" data-testid="wish-claim-later">
          {t('claimLater', { at: formatTime(w.claimableFrom) })}
        </Typography.Text>,
      );
    }
  }
  if (w.state === 'open' && hasRole(me, 'unit_admin') && collectiveFrom && !collectiveFrom.isAfter(now)) {
    buttons.push(
      <Button
        key="unit"
        size="small"
        data-testid="wish-claim-collective"
        onClick={() => void write(() => claimWish(w.id, true), { success: t('claimed'), invalidate })}
      >
        {t('claimCollective')}
      </Button>,
    );
  }
  if (w.state === 'claimed' && mine) {
    buttons.push(
      <Button key="fulfil" size="small" type="primary" onClick={() => setDialog('fulfil')} data-testid="wish-fulfil">
        {t('fulfil')}
      </Button>,
    );
  }
  if (w.state === 'fulfilled' && community) {
    buttons.push(
      <Button
        key="confirm"
        size="small"
        data-testid="wish-confirm"
        onClick={() => void write(() => confirmWish(w.id), { success: t('confirmed'), invalidate })}
      >
        {t('confirm')}
      </Button>,
    );
  }
  if (w.hasPhoto) {
    buttons.push(
      <a key="photo" href={wishPhotoUrl(w.id)} target="_blank" rel="noreferrer" data-testid="wish-photo">
        {t('viewPhoto')}
      </a>,
    );
  }
  if (w.pointsAwarded)
    buttons.push(
      <Typography.Text key="pts" type="success">
        {t('points', { n: w.pointsAwarded })}
      </Typography.Text>,
    );
  return (
    <>
      <Space wrap size={4}>
        {buttons}
      </Space>
      <Modal
        open={dialog !== null}
        title={dialog === 'reject' ? t('rejectTitle') : t('fulfilTitle')}
        footer={null}
        destroyOnHidden
        onCancel={() => setDialog(null)}
      >
        {dialog === 'reject' && (
          <Form
            layout="vertical"
            onFinish={async (v: { reason: string }) => {
              const done = await write(() => moderateWish(w.id, { approve: false, reason: v.reason.trim() }), {
                success: t('rejected'),
                invalidate,
              });
              if (done.ok) setDialog(null);
            }}
          >
            <Form.Item name="reason" label={t('reason')} rules={[{ required: true, whitespace: true, max: 200 }]}>
              <Input data-testid="wish-reject-reason" />
            </Form.Item>
            <Button type="primary" htmlType="submit" data-testid="wish-reject-save">
              {t('save')}
            </Button>
          </Form>
        )}
        {dialog === 'fulfil' && <FulfilForm wishId={w.id} onDone={() => setDialog(null)} />}
      </Modal>
    </>
  );
}
