import type { WarningLevel } from '../../shared/contract';
import { Checkbox, DatePicker, Input, Select, Space, Tooltip } from 'antd';
import type { Dayjs } from 'dayjs';
import { useT } from '../../shared/i18n';
import { ORDER_STATES } from '../api/types';
import { CategoryPicker, RegionPicker, UnitPicker } from '../common/pickers';
import { labels } from '../common/labels.messages';
import { orderMessages } from './orders.messages';

export interface Filters {
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

interface OrderSearchFiltersProps {
  /** The words in the search box (searched on Enter). */
  text: string;
  setText: (text: string) => void;
  filters: Filters;
  /** Changes filters and goes back to the first page. */
  set: (change: Partial<Filters>) => void;
  /** Words typed: full-text search (category and region filters); else the list (warning, 疑难件). */
  fullText: boolean;
}

/** The filter bar of 工单查询; a filter that applies to one mode only is disabled in the other, with a tip. */
export function OrderSearchFilters({ text, setText, filters: f, set, fullText }: OrderSearchFiltersProps) {
  const t = useT(orderMessages);
  const l = useT(labels);
  const onlyInSearch = (node: React.ReactNode) => (fullText ? node : <Tooltip title={t('search.onlyWithWords')}>{node}</Tooltip>);
  const onlyInList = (node: React.ReactNode) =>
    fullText ? <Tooltip title={t('search.onlyWithoutWords')}>{node}</Tooltip> : node;
  return (
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
  );
}
