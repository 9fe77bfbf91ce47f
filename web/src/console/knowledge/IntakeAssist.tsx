import { IntakeSuggestions } from '../nlp/IntakeSuggestions';

/**
 * Placeholder: issue #5 builds this panel for the operator's intake screen — knowledge articles for the
 * text being typed, category and unit suggestions (top 3 with confidence), and duplicate candidates.
 * The intake screen (issue #4) renders it and passes what the operator has typed so far.
 */
export interface IntakeAssistProps {
  title: string;
  content: string;
  callerPhone?: string;
  address?: string;
  regionId?: string;
  /** Called when the operator picks a suggested category / unit / article / duplicate to merge into. */
  onPickCategory?: (categoryId: string) => void;
  onPickUnit?: (unitId: string) => void;
  onPickArticle?: (article: { id: string; title: string; answer: string }) => void;
  onPickDuplicate?: (orderId: string) => void;
}

export function IntakeAssist(props: IntakeAssistProps) {
  // Category and unit suggestions (src/nlp); knowledge articles and duplicates join here.
  return (
    <IntakeSuggestions
      title={props.title}
      content={props.content}
      regionId={props.regionId}
      onPickCategory={props.onPickCategory}
      onPickUnit={props.onPickUnit}
    />
  );
}
