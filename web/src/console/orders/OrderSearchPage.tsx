import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Alert, Button, Card, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useT } from '../../shared/i18n';
import { useOrderSearch, useUnits } from '../api/queries';
import { nameIndex } from '../common/tree';
import { orderMessages } from './orders.messages';
import { shellMessages } from '../shell/shell.messages';
import { OrderListQueue } from './OrderListQueue';
import { SearchHitsTable } from './SearchHitsTable';
import { OrderSearchFilters, type Filters } from './OrderSearchFilters';

const PAGE = 50;
const HITS_PAGE = 20;
/** The ranked window of the search API: the 200 most recent matches. */
const HITS_WINDOW = 200;
/** A typed 工单编号 (yyMMdd + sequence) is looked up, not searched as words. */
const ORDER_NO = /^\d{10,}$/;

/** Accepted between the first day's start and the end of the last day, in the browser's time zone. */
const rangeParams = (range?: [Dayjs, Dayjs]) =>
  range ? { from: range[0].startOf('day').toISOString(), to: range[1].add(1, 'day').startOf('day').toISOString() } : {};

/**
 * 工单查询. Words typed → full-text search (ranked, matches highlighted, filters by state, lead unit,
 * category, region and acceptance dates). An order number or no words → the plain list, newest
 * first, with the time-limit and 疑难件 filters. Unit users see only their unit's orders (the API
 * scopes both).
 */
export function OrderSearchPage() {
  const t = useT(orderMessages);
  const s = useT(shellMessages);
  const [params] = useSearchParams();
  const [text, setText] = useState(params.get('q') ?? '');
  const [f, setFilters] = useState<Filters>({ offset: 0 });
  // The header search sends words (?q=) or a caller's number (?phone=) here, also while this page is open.
  useEffect(() => {
    const q = params.get('q') ?? undefined;
    const callerPhone = params.get('phone') ?? undefined;
    if (q === undefined && callerPhone === undefined) return;
    setText(q ?? '');
    setFilters({ offset: 0, q, callerPhone });
  }, [params]);
  const set = (change: Partial<Filters>) => setFilters((old) => ({ ...old, ...change, offset: 0 }));
  const fullText = f.q !== undefined && !ORDER_NO.test(f.q);
  const dates = rangeParams(f.range);
  const hits = useOrderSearch(
    {
      q: f.q ?? '',
      state: f.states,
      unitId: f.unitId,
      categoryId: f.categoryId,
      regionId: f.regionId,
      ...dates,
      limit: HITS_PAGE,
      offset: f.offset,
    },
    { enabled: fullText },
  );
  const listBase = {
    q: f.q,
    callerPhone: f.callerPhone,
    state: f.states,
    leadUnitId: f.unitId,
    ...dates,
    escalated: f.escalated,
    warning: f.warning,
  };
  const units = nameIndex(useUnits().data?.items);
  const hasMore = (hits.data?.hasMore ?? false) && f.offset + HITS_PAGE < HITS_WINDOW;
  return (
    <Card title={s('nav.orders')}>
      <OrderSearchFilters text={text} setText={setText} filters={f} set={set} fullText={fullText} />
      {fullText && hits.isError && (
        <Alert type="error" showIcon message={(hits.error as Error).message} style={{ marginBottom: 12 }} />
      )}
      {fullText ? (
        <SearchHitsTable hits={hits.data?.items} loading={hits.isFetching} unitNames={units} testId="order-hits" />
      ) : (
        <OrderListQueue base={listBase} unitNames={units} pageSize={PAGE} />
      )}
      {fullText && (
        <Space style={{ marginTop: 12 }}>
          <Button
            disabled={f.offset === 0}
            onClick={() => setFilters((o) => ({ ...o, offset: Math.max(0, o.offset - HITS_PAGE) }))}
          >
            ‹
          </Button>
          <Button disabled={!hasMore} onClick={() => setFilters((o) => ({ ...o, offset: o.offset + HITS_PAGE }))}>
            ›
          </Button>
          <span style={{ color: '#888' }}>{t('search.rankedWindow')}</span>
        </Space>
      )}
    </Card>
  );
}
