import { useEffect, useRef } from 'react';
import * as echarts from 'echarts';
import type { AssessmentHistoryView } from '../../shared/contract';

type HistoryItem = AssessmentHistoryView['items'][number];

/** Frozen scores per unit over months: one line per unit (ECharts). */
export function HistoryChart({ items }: { items: HistoryItem[] }) {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!el.current) return;
    const chart = echarts.init(el.current);
    const months = [...new Set(items.map((i) => i.month))].sort();
    const units = [...new Set(items.map((i) => i.unitName))];
    chart.setOption({
      tooltip: { trigger: 'axis' },
      legend: { type: 'scroll', top: 0 },
      grid: { left: 40, right: 16, top: 36, bottom: 24 },
      xAxis: { type: 'category', data: months },
      yAxis: { type: 'value', min: 0, max: 100 },
      series: units.map((name) => ({
        name,
        type: 'line',
        connectNulls: true,
        data: months.map((m) => items.find((i) => i.month === m && i.unitName === name)?.score ?? null),
      })),
    });
    const onResize = () => chart.resize();
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      chart.dispose();
    };
  }, [items]);
  return <div ref={el} style={{ height: 280, width: '100%' }} data-testid="assessment-history-chart" />;
}
