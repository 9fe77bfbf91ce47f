import { Button, Card, Empty, List, Typography } from 'antd';
import { useT } from '../../shared/i18n';
import { Highlighted } from '../common/Highlighted';
import { useKnowledgeSuggest } from './knowledge-api';
import { knowledgeMessages } from './knowledge.messages';
import { LookupUnavailable } from './LookupUnavailable';

/** The intake assist looks things up once this many characters are typed. */
export const MIN_ASSIST_CHARS = 4;

/** The top knowledge articles for the text being typed, each with 使用 to take its answer. */
export function KnowledgeHits(props: {
  text: string;
  onPick?: (article: { id: string; title: string; answer: string }) => void;
}) {
  const t = useT(knowledgeMessages);
  const enabled = props.text.trim().length >= MIN_ASSIST_CHARS;
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
