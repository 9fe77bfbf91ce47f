/** Placeholder: issue #6 (assessment) builds this screen. */
export function AssessmentPage() {
  return <div data-testid="AssessmentPage">月度考核</div>;
}
