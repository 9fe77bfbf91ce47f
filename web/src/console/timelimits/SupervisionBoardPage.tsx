/** Placeholder: issue #3 (red/yellow board, 催办/督办) builds this screen. */
export function SupervisionBoardPage() {
  return <div data-testid="SupervisionBoardPage">督办看板</div>;
}
