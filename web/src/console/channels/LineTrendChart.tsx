import { useMemo } from 'react';
import type { MergedLineReportRow } from '../../shared/contract';
import { EChart } from '../analytics/EChart';

/** One line's months (the trend and the chosen month): calls offered and answered as bars, its share of all calls as a line. */
export function LineTrendChart({
  row,
  words,
}: {
  row: MergedLineReportRow;
  words: { offered: string; answered: string; share: string };
}) {
  const option = useMemo(() => {
    const months = [...row.trend, row];
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 44, right: 52, top: 36, bottom: 28 },
      xAxis: { type: 'category', data: months.map((m) => m.month) },
      yAxis: [
        { type: 'value', minInterval: 1 },
        { type: 'value', axisLabel: { formatter: (v: number) => `${v}%` }, splitLine: { show: false } },
      ],
      series: [
        { name: words.offered, type: 'bar', data: months.map((m) => m.offered) },
        { name: words.answered, type: 'bar', data: months.map((m) => m.answered) },
        {
          name: words.share,
          type: 'line',
          yAxisIndex: 1,
          connectNulls: true,
          data: months.map((m) => (m.share === null ? null : Math.round(m.share * 10000) / 100)),
        },
      ],
    };
  }, [row, words]);
  return <EChart option={option} height={260} testId="line-trend-chart" />;
}
