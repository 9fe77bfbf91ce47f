import { Input, Select, Space } from 'antd';
import { useT } from '../../shared/i18n';
import { CategoryPicker, RegionPicker, UnitPicker } from '../common/pickers';
import type { RuleFilter } from './catalogue-api';
import { catalogueMessages } from './catalogue.messages';

/** The 派单目录's filters: category, region, unit, status and words; each change is handed on as a patch. */
export function CatalogueRuleFilters({ filter, onChange }: { filter: RuleFilter; onChange: (patch: RuleFilter) => void }) {
  const t = useT(catalogueMessages);
  return (
    <Space wrap style={{ marginBottom: 12 }} data-testid="rule-filters">
      <div style={{ width: 200 }}>
        <CategoryPicker
          placeholder={t('filter.category')}
          value={filter.categoryId}
          onChange={(v) => onChange({ categoryId: v })}
        />
      </div>
      <div style={{ width: 180 }}>
        <RegionPicker placeholder={t('filter.region')} value={filter.regionId} onChange={(v) => onChange({ regionId: v })} />
      </div>
      <div style={{ width: 220 }}>
        <UnitPicker placeholder={t('filter.unit')} value={filter.unitId} onChange={(v) => onChange({ unitId: v })} />
      </div>
      <Select
        allowClear
        style={{ width: 120 }}
        placeholder={t('filter.status')}
        value={filter.status}
        onChange={(v) => onChange({ status: v })}
        data-testid="rule-filter-status"
        options={(['active', 'future', 'expired'] as const).map((s) => ({ value: s, label: t(`status.${s}`) }))}
      />
      <Input.Search
        allowClear
        style={{ width: 280 }}
        placeholder={t('filter.q')}
        onSearch={(q) => onChange({ q })}
        data-testid="rule-filter-q"
      />
    </Space>
  );
}
