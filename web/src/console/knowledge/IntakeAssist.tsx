import { useDuplicateCheck, useKnowledgeSuggest } from './knowledge-api';
import { Button, Card, Empty, List, Space, Typography } from 'antd';
import { useT } from '../../shared/i18n';
import { PHONE_REGEXP as PHONE } from '../../../../src/orders/phone';
import { IntakeSuggestions } from '../nlp/IntakeSuggestions';
import { CatalogueAnswer, type CatalogueRuleAnswer } from '../catalogue/CatalogueAnswer';
import { Highlighted } from '../common/Highlighted';
import { DuplicateEvidence } from './DuplicateEvidence';
import { LookupUnavailable } from './LookupUnavailable';
import { useDebounced } from './knowledge-api';
import { knowledgeMessages } from './knowledge.messages';

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
  /** The catalogue's answer taken: its lead and assisting units fill the dispatch fields. */
  onUseCatalogue?: (rule: CatalogueRuleAnswer) => void;
  /** Called when the operator picks a suggested category / unit / article / duplicate to merge into. */
  onPickCategory?: (categoryId: string) => void;
  onPickUnit?: (unitId: string) => void;
  onPickArticle?: (article: { id: string; title: string; answer: string }) => void;
  onPickDuplicate?: (orderId: string) => void;
}

const MIN_CHARS = 4;

function KnowledgeHits(props: { text: string; onPick?: IntakeAssistProps['onPickArticle'] }) {
  const t = useT(knowledgeMessages);
  const enabled = props.text.trim().length >= MIN_CHARS;
  const q = useKnowledgeSuggest(props.text, enabled);
  if (!enabled) return null;
  return (
    <Card size="small" title={t('assist.articles')} data-testid="assist-articles" loading={q.isLoading}>
      {q.isError ? (
        <LookupUnavailable error={q.error} />
      ) : (q.data?.items.length ?? 0) === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('assist.noArticles')} />
      ) : (
        <List
          size="small"
          dataSource={q.data!.items}
          renderItem={(a) => (
            <List.Item
              key={a.id}
              actions={[
                <Button
                  key="use"
                  size="small"
                  data-testid="assist-use"
                  onClick={() => props.onPick?.({ id: a.id, title: a.title, answer: a.body })}
                >
                  {t('assist.use')}
                </Button>,
              ]}
            >
              <List.Item.Meta
                title={<Highlighted fragments={a.highlight.title} />}
                description={
                  <Typography.Paragraph ellipsis={{ rows: 3 }} style={{ marginBottom: 0 }}>
                    <Highlighted fragments={a.highlight.body} />
                  </Typography.Paragraph>
                }
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

function DuplicateHits(props: IntakeAssistProps & { onPick?: (orderId: string) => void }) {
  const t = useT(knowledgeMessages);
  // Clipped to what the check accepts: a field typed past its limit (the form says so) must not
  // silence the duplicate check meanwhile.
  const body = {
    title: props.title.slice(0, 200),
    content: props.content.slice(0, 10_000),
    callerPhone: props.callerPhone ?? '',
    address: (props.address ?? '').slice(0, 300),
    regionId: props.regionId || undefined,
  };
  const enabled = (props.title + props.content).trim().length >= MIN_CHARS || PHONE.test(body.callerPhone);
  const q = useDuplicateCheck({ ...body, callerPhone: PHONE.test(body.callerPhone) ? body.callerPhone : '' }, enabled);
  if (!enabled) return null;
  return (
    <Card size="small" title={t('assist.duplicates')} data-testid="assist-duplicates" loading={q.isLoading}>
      {q.isError ? (
        <LookupUnavailable error={q.error} />
      ) : (q.data?.candidates.length ?? 0) === 0 ? (
        <Typography.Text type="secondary">{t('assist.noDuplicates')}</Typography.Text>
      ) : (
        <List
          size="small"
          dataSource={q.data!.candidates}
          renderItem={(c) => (
            <List.Item
              key={c.orderId}
              actions={[
                <Button
                  key="merge"
                  size="small"
                  danger={c.likely}
                  onClick={() => props.onPick?.(c.orderId)}
                  data-testid="assist-merge"
                >
                  {t('assist.merge')}
                </Button>,
              ]}
            >
              <List.Item.Meta
                title={
                  <Space size={4} wrap>
                    <Typography.Text code>{c.orderNo}</Typography.Text>
                    <span>{c.title}</span>
                  </Space>
                }
                description={
                  <Space size={4} wrap>
                    <DuplicateEvidence candidate={c} />
                  </Space>
                }
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

export function IntakeAssist(props: IntakeAssistProps) {
  const typed = useDebounced(
    {
      title: props.title,
      content: props.content,
      callerPhone: props.callerPhone,
      address: props.address,
      regionId: props.regionId,
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
