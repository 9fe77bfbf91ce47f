import { Col, Row, Table, Typography } from 'antd';
import type { WishRateRow } from '../../shared/contract';
import { useT } from '../../shared/i18n';
import { useWishRates } from './wishes-api';
import { wishMessages } from './wishes.messages';

const percent = (r: number | null) => (r === null ? '—' : `${Math.round(r * 1000) / 10}%`);

/** Claim and completion rates per community, completion per claiming unit. */
export function WishRates() {
  const t = useT(wishMessages);
  const rates = useWishRates();
  const table = (rows: WishRateRow[] | undefined, testId: string, claimRate: boolean) => (
    <Table<WishRateRow>
      rowKey="id"
      size="small"
      pagination={false}
      loading={rates.isLoading}
      dataSource={rows}
      data-testid={testId}
      columns={[
        { title: t('rates.name'), dataIndex: 'name', ellipsis: true },
        { title: t('rates.posted'), dataIndex: 'posted', width: 70, align: 'right' },
        { title: t('rates.claimed'), dataIndex: 'claimed', width: 70, align: 'right' },
        { title: t('rates.confirmed'), dataIndex: 'confirmed', width: 70, align: 'right' },
        ...(claimRate
          ? [
              {
                title: t('rates.claimRate'),
                width: 80,
                align: 'right' as const,
                render: (_: unknown, r: WishRateRow) => percent(r.claimRate),
              },
            ]
          : []),
        { title: t('rates.completionRate'), width: 80, align: 'right', render: (_, r) => percent(r.completionRate) },
      ]}
    />
  );
  return (
    <>
      <Typography.Paragraph type="secondary">{t('rates.hint')}</Typography.Paragraph>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Typography.Title level={5}>{t('rates.communities')}</Typography.Title>
          {table(rates.data?.communities, 'wish-rates-communities', true)}
        </Col>
        <Col xs={24} xl={12}>
          <Typography.Title level={5}>{t('rates.units')}</Typography.Title>
          {table(rates.data?.units, 'wish-rates-units', false)}
        </Col>
      </Row>
    </>
  );
}
