import { Space } from 'antd';
import { IntakeSuggestions } from '../nlp/IntakeSuggestions';
import { CatalogueAnswer, type CatalogueRuleAnswer } from '../catalogue/CatalogueAnswer';
import { DuplicateHits } from './DuplicateHits';
import { useDebounced } from './knowledge-api';
import { KnowledgeHits } from './KnowledgeHits';

/**
 * The operator's assist panel on the intake screen: the dispatch catalogue's answer first (issue 14), then
 * category / unit suggestions (issue #5 classifier),
 * the top knowledge articles for the text being typed, and possible duplicates (score + reasons) with a
 * merge button. The intake screen (issue #4) renders it and passes what has been typed so far.
 */
export interface IntakeAssistProps {
  title: string;
  content: string;
  callerPhone?: string;
  address?: string;
  regionId?: string;
  categoryId?: string;
  appealType?: string;
  /** The pin placed at intake (WGS-84): a nearby earlier appeal is duplicate evidence. */
  point?: { lat: number; lng: number };
  /** The catalogue's answer taken: its lead and assisting units fill the dispatch fields. */
  onUseCatalogue?: (rule: CatalogueRuleAnswer) => void;
  /** Called when the operator picks a suggested category / unit / article / duplicate to merge into. */
  onPickCategory?: (categoryId: string) => void;
  onPickUnit?: (unitId: string) => void;
  onPickArticle?: (article: { id: string; title: string; answer: string }) => void;
  onPickDuplicate?: (orderId: string) => void;
}

export function IntakeAssist(props: IntakeAssistProps) {
  const typed = useDebounced(
    {
      title: props.title,
      content: props.content,
      callerPhone: props.callerPhone,
      address: props.address,
      regionId: props.regionId,
      categoryId: props.categoryId,
      lat: props.point?.lat,
      lng: props.point?.lng,
    },
    500,
  );
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="intake-assist">
      <CatalogueAnswer
        input={{
          categoryId: props.categoryId,
          regionId: props.regionId,
          appealType: props.appealType,
          title: typed.title,
          content: typed.content,
        }}
        onUse={props.onUseCatalogue}
      />
      <IntakeSuggestions
        title={props.title}
        content={props.content}
        regionId={props.regionId}
        onPickCategory={props.onPickCategory}
        onPickUnit={props.onPickUnit}
      />
      <KnowledgeHits text={`${typed.title} ${typed.content}`.trim()} onPick={props.onPickArticle} />
      <DuplicateHits {...typed} onPick={props.onPickDuplicate} />
    </Space>
  );
}
