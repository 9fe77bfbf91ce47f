/** Placeholder: issue #3 (time limits) builds this screen. */
export function TimeLimitAdminPage() {
  return <div data-testid="TimeLimitAdminPage">时限规则</div>;
}
