/** Placeholder: issue #6 (KPIs) builds this screen. */
export function WallScreenPage() {
  return <div data-testid="WallScreenPage">大屏</div>;
}
