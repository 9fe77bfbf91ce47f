import type { WarningLevel } from '../../shared/contract';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Alert, Button, Card, Checkbox, DatePicker, Input, Select, Space, Tooltip } from 'antd';
import type { Dayjs } from 'dayjs';
import { useT } from '../../shared/i18n';
import { useOrderSearch, useUnits } from '../api/queries';
import { ORDER_STATES } from '../api/types';
import { CategoryPicker, RegionPicker, UnitPicker } from '../common/pickers';
import { nameIndex } from '../common/tree';
import { labels } from '../common/labels.messages';
import { orderMessages } from './orders.messages';
import { shellMessages } from '../shell/shell.messages';
import { OrderListQueue } from './OrderListQueue';
import { SearchHitsTable } from './SearchHitsTable';

const PAGE = 50;
const HITS_PAGE = 20;
/** The ranked window of the search API: the 200 most recent matches. */
const HITS_WINDOW = 200;
/** A typed 工单编号 (yyMMdd + sequence) is looked up, not searched as words. */
const ORDER_NO = /^\d{10,}$/;

interface Filters {
  q?: string;
  /** A caller's number from the header search (roles of pii.read only). */
  callerPhone?: string;
  states?: string;
  unitId?: string;
  categoryId?: string;
  regionId?: string;
  range?: [Dayjs, Dayjs];
  escalated?: boolean;
  warning?: Exclude<WarningLevel, 'none'>;
  offset: number;
}

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
  const l = useT(labels);
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
  const onlyInSearch = (node: React.ReactNode) => (fullText ? node : <Tooltip title={t('search.onlyWithWords')}>{node}</Tooltip>);
  const onlyInList = (node: React.ReactNode) =>
    fullText ? <Tooltip title={t('search.onlyWithoutWords')}>{node}</Tooltip> : node;
  return (
    <Card title={s('nav.orders')}>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          placeholder={t('search.placeholder')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onSearch={(q) => set({ q: q.trim() || undefined, callerPhone: undefined })}
          style={{ width: 320 }}
          data-testid="order-search"
          allowClear
        />
        <Select
          allowClear
          mode="multiple"
          placeholder={t('search.state')}
          style={{ minWidth: 200 }}
          options={ORDER_STATES.map((st) => ({ value: st, label: l(`state.${st}`) }))}
          onChange={(v: string[]) => set({ states: v.length ? v.join(',') : undefined })}
        />
        <div style={{ width: 200 }}>
          <UnitPicker
            placeholder={t('form.leadUnit')}
            value={f.unitId}
            onChange={(unitId) => set({ unitId })}
            testId="order-search-unit"
          />
        </div>
        {onlyInSearch(
          <div style={{ width: 180 }}>
            <CategoryPicker
              disabled={!fullText}
              placeholder={t('search.category')}
              value={f.categoryId}
              onChange={(categoryId) => set({ categoryId })}
              testId="order-search-category"
            />
          </div>,
        )}
        {onlyInSearch(
          <div style={{ width: 150 }}>
            <RegionPicker
              disabled={!fullText}
              placeholder={t('search.region')}
              value={f.regionId}
              onChange={(regionId) => set({ regionId })}
            />
          </div>,
        )}
        <DatePicker.RangePicker
          value={f.range ?? null}
          onChange={(v) => set({ range: v?.[0] && v[1] ? [v[0], v[1]] : undefined })}
          placeholder={[t('search.acceptedFrom'), t('search.acceptedTo')]}
        />
        {onlyInList(
          <Select
            allowClear
            disabled={fullText}
            placeholder={t('search.warning')}
            style={{ width: 120 }}
            data-testid="order-search-warning"
            options={(['red', 'yellow'] as const).map((w) => ({ value: w, label: l(`warn.${w}`) }))}
            onChange={(warning?: Exclude<WarningLevel, 'none'>) => set({ warning })}
          />,
        )}
        {onlyInList(
          <Checkbox disabled={fullText} onChange={(e) => set({ escalated: e.target.checked || undefined })}>
            {t('search.escalated')}
          </Checkbox>,
        )}
      </Space>
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
