import { useState } from 'react';
import { Button, Card, Checkbox, Input, Select, Space } from 'antd';
import { useT } from '../../shared/i18n';
import { useOrders, useUnits } from '../api/queries';
import { ORDER_STATES } from '../api/types';
import { nameIndex } from '../common/tree';
import { labels } from '../messages/labels';
import { orderMessages } from '../messages/orders';
import { shellMessages } from '../messages/shell';
import { OrderTable } from './OrderTable';

const PAGE = 50;

/** Find orders by number or text, state and 疑难件 flag; unit users see only their unit's orders (the API scopes it). */
export function OrderSearchPage() {
  const t = useT(orderMessages);
  const l = useT(labels);
  const s = useT(shellMessages);
  const [text, setText] = useState('');
  const [filters, setFilters] = useState<{
    q?: string;
    state?: string;
    escalated?: boolean;
    warning?: 'yellow' | 'red';
    offset: number;
  }>({
    offset: 0,
  });
  const orders = useOrders({ ...filters, limit: PAGE });
  const units = nameIndex(useUnits().data?.items);
  return (
    <Card title={s('nav.orders')}>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          placeholder={t('search.placeholder')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onSearch={(q) => setFilters((f) => ({ ...f, q: q.trim() || undefined, offset: 0 }))}
          style={{ width: 320 }}
          data-testid="order-search"
          allowClear
        />
        <Select
          allowClear
          mode="multiple"
          placeholder={t('search.state')}
          style={{ minWidth: 240 }}
          options={ORDER_STATES.map((st) => ({ value: st, label: l(`state.${st}`) }))}
          onChange={(v: string[]) => setFilters((f) => ({ ...f, state: v.length ? v.join(',') : undefined, offset: 0 }))}
        />
        <Select
          allowClear
          placeholder={t('search.warning')}
          style={{ width: 140 }}
          data-testid="order-search-warning"
          options={(['red', 'yellow'] as const).map((w) => ({ value: w, label: l(`warn.${w}`) }))}
          onChange={(v?: 'yellow' | 'red') => setFilters((f) => ({ ...f, warning: v, offset: 0 }))}
        />
        <Checkbox onChange={(e) => setFilters((f) => ({ ...f, escalated: e.target.checked || undefined, offset: 0 }))}>
          {t('search.escalated')}
        </Checkbox>
      </Space>
      <OrderTable orders={orders.data?.items} loading={orders.isLoading} unitNames={units} pageSize={PAGE} testId="order-list" />
      <Space style={{ marginTop: 12 }}>
        <Button
          disabled={filters.offset === 0}
          onClick={() => setFilters((f) => ({ ...f, offset: Math.max(0, f.offset - PAGE) }))}
        >
          ‹
        </Button>
        <Button disabled={!orders.data?.hasMore} onClick={() => setFilters((f) => ({ ...f, offset: f.offset + PAGE }))}>
          ›
        </Button>
      </Space>
    </Card>
  );
}
