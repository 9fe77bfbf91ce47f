import { useEffect, useRef } from 'react';
import * as echarts from 'echarts';

/** One ECharts chart that follows its option and the window size. */
export function EChart({
  option,
  height = 300,
  theme,
  testId,
}: {
  option: echarts.EChartsCoreOption;
  height?: number | string;
  theme?: 'dark';
  testId?: string;
}) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  useEffect(() => {
    if (!el.current) return;
    chart.current = echarts.init(el.current, theme);
    const onResize = () => chart.current?.resize();
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      chart.current?.dispose();
      chart.current = null;
    };
  }, [theme]);
  useEffect(() => {
    chart.current?.setOption(option, true);
  }, [option]);
  return <div ref={el} style={{ height, width: '100%' }} data-testid={testId} />;
}
