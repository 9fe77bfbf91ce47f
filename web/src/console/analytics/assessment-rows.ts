import type { UnitScoreView as UnitScore } from '../../shared/contract';

/** A ranking row as the table shows it: an assessed unit with its departments nested below. */
export type RankingRow = UnitScore & { children?: RankingRow[] };

/**
 * The ranking page's rows (pure): assessed units with a score, by rank, each carrying its departments
 * (ranked among siblings, unscored last); the assessed units without a score apart, to be folded into
 * one line — they are most of the list in a quiet month and say only "无数据".
 */
export function rankingTree(rows: readonly UnitScore[]): { scored: RankingRow[]; unscored: UnitScore[] } {
  const byRank = (a: UnitScore, b: UnitScore) => (a.rank ?? 1e9) - (b.rank ?? 1e9);
  const top = rows.filter((r) => r.parentUnitId === null || !rows.some((p) => p.unitId === r.parentUnitId));
  const withDepartments = (r: UnitScore): RankingRow => {
    const departments = rows.filter((d) => d.parentUnitId === r.unitId && d !== r).sort(byRank);
    return departments.length > 0 ? { ...r, children: departments } : r;
  };
  return {
    scored: top
      .filter((r) => r.score !== null)
      .sort(byRank)
      .map(withDepartments),
    unscored: top.filter((r) => r.score === null),
  };
}
