import { Tag } from 'antd';
import { useT } from '../../shared/i18n';
import type { DuplicateCandidate } from './knowledge-api';
import { knowledgeMessages } from './knowledge.messages';

/** A duplicate candidate's evidence as tags: its score, "likely" from the decision line, the reasons. */
export function DuplicateEvidence({ candidate: c }: { candidate: Pick<DuplicateCandidate, 'score' | 'likely' | 'reasons'> }) {
  const t = useT(knowledgeMessages);
  return (
    <>
      <Tag color={c.likely ? 'red' : 'default'}>{t('assist.score', { score: c.score.toFixed(2) })}</Tag>
      {c.likely && <Tag color="red">{t('assist.likely')}</Tag>}
      {c.reasons.map((r) => (
        <Tag key={r}>{t(`reason.${r}`)}</Tag>
      ))}
    </>
  );
}
