/** Placeholder: issue #6 (hot issues) builds this screen. */
export function HotIssuesPage() {
  return <div data-testid="HotIssuesPage">热点问题</div>;
}
