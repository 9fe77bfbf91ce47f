import { useLang, useT } from '../../shared/i18n';
import {
  APPEAL_TYPE_LABELS,
  APPEAL_TYPES,
  CHANNEL_LABELS,
  CHANNELS,
  IMPORT_FINAL_STATE_LABELS,
  IMPORT_FINAL_STATES,
  SATISFACTION_LABELS,
  SATISFACTION_VALUES,
  type ValueTableField,
} from '../../shared/contract';
import { useCategories, useRegions, useUnits } from '../api/queries';
import { importMessages } from './imports.messages';

export type Option = { value: string; label: string };

/**
 * The lianxin values a value table may translate to (ADR 0184): a vocabulary's keys in words, or a
 * category, region or unit by its code (names can repeat; a code cannot).
 */
export function useValueOptions(): Record<ValueTableField, Option[]> {
  const { lang } = useLang();
  const t = useT(importMessages);
  const categories = useCategories().data?.items ?? [];
  const regions = useRegions().data?.items ?? [];
  const units = useUnits().data?.items ?? [];
  const words = <K extends string>(keys: readonly K[], labels: Record<K, { zh: string; en: string }>) =>
    keys.map((k) => ({ value: k, label: labels[k][lang] }));
  const coded = (rows: { code: string; name: string; active?: boolean }[]) =>
    rows.filter((r) => r.active !== false).map((r) => ({ value: r.code, label: `${r.name}（${r.code}）` }));
  return {
    channel: words(CHANNELS, CHANNEL_LABELS),
    appealType: words(APPEAL_TYPES, APPEAL_TYPE_LABELS),
    finalState: words(IMPORT_FINAL_STATES, IMPORT_FINAL_STATE_LABELS),
    visitResult: words(SATISFACTION_VALUES, SATISFACTION_LABELS),
    resolved: [
      { value: 'true', label: t('resolved.true') },
      { value: 'false', label: t('resolved.false') },
    ],
    category: coded(categories),
    region: coded(regions),
    unit: coded(units),
  };
}
