import { lazy, Suspense } from 'react';
import { Card, Space, Spin } from 'antd';
import { useT } from '../../shared/i18n';
import { useOrders, useUnits } from '../api/queries';
import { nameIndex } from '../common/tree';
import { queueMessages } from '../common/queues.messages';
import { OrderTable } from '../orders/OrderTable';
import { FollowedOrders } from './FollowedOrders';
import { MyCases } from './MyCases';
import { CentreConsultations, MyInstructions } from './MyInstructions';

const DashboardPage = lazy(() => import('../analytics/DashboardPage').then((m) => ({ default: m.DashboardPage })));

/** The leader's home: own cases (我的包案), followed orders (领导盯办), 批示 and 会商, 疑难件, the month at a glance. */
export function LeaderPage() {
  const q = useT(queueMessages);
  const escalated = useOrders({
    escalated: true,
    state: 'accepted,dispatched,return_requested,handling,extension_requested,replied,visiting',
    limit: 200,
  });
  const units = nameIndex(useUnits().data?.items);
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={16}>
      <MyCases />
      <FollowedOrders />
      <MyInstructions />
      <CentreConsultations />
      <Card title={q('leader.escalated')} data-testid="leader-escalated">
        <OrderTable orders={escalated.data?.items} loading={escalated.isLoading} unitNames={units} pageSize={10} />
      </Card>
      <Card title={q('leader.month')}>
        <Suspense fallback={<Spin />}>
          <DashboardPage />
        </Suspense>
      </Card>
    </Space>
  );
}
