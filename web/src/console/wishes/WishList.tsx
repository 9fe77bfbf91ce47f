import { useState } from 'react';
import { Segmented, Space, Table, Tag, Typography } from 'antd';
import { CLAIMER_RANK_LABELS, WISH_STATE_LABELS, WISH_STATES, type WishState, type WishView } from '../../shared/contract';
import { useLang, useT } from '../../shared/i18n';
import { formatTime } from '../common/tags';
import { WishActions } from './WishActions';
import { useWishes } from './wishes-api';
import { wishMessages } from './wishes.messages';

const STATE_COLOR: Record<WishState, string> = {
  pending: 'gold',
  rejected: 'default',
  open: 'blue',
  claimed: 'purple',
  fulfilled: 'cyan',
  confirmed: 'green',
};

/** The wishes by state (a claimer sees every open wish of the centre; community staff their communities'). */
export function WishList() {
  const t = useT(wishMessages);
  const { lang } = useLang();
  const [state, setState] = useState<WishState | 'all'>('all');
  const wishes = useWishes(state);
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      <Segmented<WishState | 'all'>
        value={state}
        onChange={setState}
        options={[
          { value: 'all', label: t('all') },
          ...WISH_STATES.map((s) => ({
            value: s,
            label: <span data-testid={`wish-state-${s}`}>{WISH_STATE_LABELS[s][lang]}</span>,
          })),
        ]}
        style={{ maxWidth: '100%', overflowX: 'auto' }}
      />
      <Table<WishView>
        rowKey="id"
        size="small"
        loading={wishes.isLoading}
        dataSource={wishes.data?.wishes}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t('empty') }}
        scroll={{ x: 980 }}
        data-testid="wish-list"
        columns={[
          {
            title: t('wishTitle'),
            render: (_, w) => (
              <Space direction="vertical" size={0} data-testid="wish-row" data-title={w.title}>
                <Typography.Text strong>{w.title}</Typography.Text>
                <Typography.Text type="secondary" ellipsis={{ tooltip: w.detail }} style={{ maxWidth: 320 }}>
                  {w.detail}
                </Typography.Text>
                {w.rejectReason && (
                  <Typography.Text type="warning">{t('rejectReason', { reason: w.rejectReason })}</Typography.Text>
                )}
                {w.proofText && <Typography.Text type="success">{w.proofText}</Typography.Text>}
              </Space>
            ),
          },
          { title: t('community'), dataIndex: 'unitName', width: 150, ellipsis: true },
          { title: t('poster'), dataIndex: 'posterName', width: 80 },
          {
            title: t('state'),
            width: 110,
            render: (_, w) => (
              <Tag color={STATE_COLOR[w.state]} data-testid="wish-state">
                {WISH_STATE_LABELS[w.state][lang]}
              </Tag>
            ),
          },
          {
            title: t('claimer'),
            width: 170,
            render: (_, w) =>
              w.claimedAt ? (
                <Space direction="vertical" size={0}>
                  <span>
                    {w.claimedByName ?? '—'}
                    {w.collective ? t('collective') : w.claimRank ? ` · ${CLAIMER_RANK_LABELS[w.claimRank][lang]}` : ''}
                  </span>
                  <Typography.Text type="secondary">{w.claimedUnitName}</Typography.Text>
                </Space>
              ) : (
                '—'
              ),
          },
          { title: t('postedAt'), width: 130, render: (_, w) => formatTime(w.postedAt) },
          { title: t('actions'), width: 210, render: (_, w) => <WishActions wish={w} /> },
        ]}
      />
    </Space>
  );
}
