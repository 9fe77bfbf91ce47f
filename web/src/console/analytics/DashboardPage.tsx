/** Placeholder: issue #6 (KPIs) builds this screen. */
export function DashboardPage() {
  return <div data-testid="DashboardPage">数据看板</div>;
}
