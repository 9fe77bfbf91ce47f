/** Placeholder: issue #5 (knowledge base) builds this screen. */
export function KnowledgePage() {
  return <div data-testid="KnowledgePage">知识库</div>;
}
