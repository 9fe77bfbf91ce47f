/** Placeholder: issue #3 (calendar) builds this screen. */
export function CalendarAdminPage() {
  return <div data-testid="CalendarAdminPage">工作日历</div>;
}
