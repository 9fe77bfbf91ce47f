import type { AppealType } from '../contract/vocabulary.js';
import type { CatalogueRuleStatus, CatalogueRuleView } from '../contract/catalogue.js';
import type { RuleRow } from './catalogue.repository.js';

export const ruleStatus = (r: { valid_from: Date; valid_to: Date | null }, now: Date): CatalogueRuleStatus =>
  r.valid_from > now ? 'future' : r.valid_to !== null && r.valid_to <= now ? 'expired' : 'active';

export const presentRule = (r: RuleRow, now: Date): CatalogueRuleView<Date> => ({
  id: r.id,
  no: r.no,
  categoryId: r.category_id,
  categoryName: r.category_name,
  regionId: r.region_id,
  regionName: r.region_name,
  appealType: r.appeal_type as AppealType | null,
  keywords: r.keywords,
  leadUnitId: r.lead_unit_id,
  leadUnitName: r.lead_unit_name,
  assistUnitIds: r.assist_unit_ids,
  assistUnitNames: r.assist_unit_names,
  deskUnitId: r.desk_unit_id,
  deskUnitName: r.desk_unit_name,
  note: r.note,
  validFrom: r.valid_from,
  validTo: r.valid_to,
  status: ruleStatus(r, now),
  version: r.version,
  updatedAt: r.updated_at,
});

/** A rule in words (供热 · 锡林浩特市 · 投诉 · 「停暖」), for the overlap error and the report. */
export const ruleLabel = (r: Pick<RuleRow, 'category_name' | 'region_name' | 'appeal_type' | 'keywords'>, any: string) =>
  [r.category_name ?? any, r.region_name ?? any, r.appeal_type, r.keywords.length ? `「${r.keywords.join('、')}」` : null]
    .filter(Boolean)
    .join(' · ');
