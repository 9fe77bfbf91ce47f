/** Placeholder: issue #6 (reports) builds this screen. */
export function ReportsPage() {
  return <div data-testid="ReportsPage">报表</div>;
}
