import { Link } from 'react-router-dom';
import type { OrderState } from '../api/types';
import { formatTime, StateTag } from '../common/tags';

/** What the shared columns read: an order row or a search hit. */
interface OrderLike {
  id: string;
  orderNo: string;
  state: OrderState;
  leadUnitId: string | null;
  acceptedAt: string;
}

/** The columns every order table shows alike (number linking to the order page, state, lead unit, time). */
export const orderColumns = (title: (key: 'col.orderNo' | 'col.state' | 'col.leadUnit' | 'col.acceptedAt') => string) => ({
  orderNo: <T extends OrderLike>() => ({
    title: title('col.orderNo'),
    dataIndex: 'orderNo',
    width: 130,
    render: (no: string, o: T) => <Link to={`/orders/${o.id}`}>{no}</Link>,
  }),
  state: (width: number) => ({
    title: title('col.state'),
    dataIndex: 'state',
    width,
    render: (s: OrderState) => <StateTag state={s} />,
  }),
  leadUnit: (unitNames: Map<string, string>, width?: number) => ({
    title: title('col.leadUnit'),
    dataIndex: 'leadUnitId',
    width,
    ellipsis: true,
    render: (id: string | null) => (id ? (unitNames.get(id) ?? '') : '—'),
  }),
  acceptedAt: () => ({
    title: title('col.acceptedAt'),
    dataIndex: 'acceptedAt',
    width: 140,
    render: (v: string) => formatTime(v),
  }),
});
