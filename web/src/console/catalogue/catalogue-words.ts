import dayjs from 'dayjs';
import type { AppealType } from '../../shared/contract';
import type { CatalogueRuleView } from './catalogue-api';

type T = (key: 'any' | 'openEnded', vars?: Record<string, string | number>) => string;
type L = (key: `type.${AppealType}`) => string;

/** 供热 · 锡林浩特市 · 投诉 · 「停暖」 — a rule's scope in words (any = 不限). */
export const ruleScope = (r: CatalogueRuleView, t: T, l: L) =>
  [r.categoryName ?? t('any'), r.regionName ?? t('any'), r.appealType ? l(`type.${r.appealType}`) : null, r.keywords.length ? `「${r.keywords.join('、')}」` : null]
    .filter(Boolean)
    .join(' · ');

const day = (iso: string) => dayjs(iso).format('YYYY-MM-DD');

export const validity = (r: Pick<CatalogueRuleView, 'validFrom' | 'validTo'>, t: T) =>
  `${day(r.validFrom)} ~ ${r.validTo ? day(r.validTo) : t('openEnded')}`;
