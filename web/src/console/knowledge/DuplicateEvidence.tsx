import { Tag } from 'antd';
import { useT } from '../../shared/i18n';
import type { DuplicateCandidate } from './knowledge-api';
import { knowledgeMessages } from './knowledge.messages';

/**
 * A duplicate candidate's evidence as tags: its score, "likely" from the decision line, the reasons,
 * and how far apart the two appeals' points are when both have one (blue when within the radius).
 */
export function DuplicateEvidence({
  candidate: c,
}: {
  candidate: Pick<DuplicateCandidate, 'score' | 'likely' | 'reasons' | 'distanceMetres'>;
}) {
  const t = useT(knowledgeMessages);
  return (
    <>
      <Tag color={c.likely ? 'red' : 'default'}>{t('assist.score', { score: c.score.toFixed(2) })}</Tag>
      {c.likely && <Tag color="red">{t('assist.likely')}</Tag>}
      {c.reasons.map((r) => (
        <Tag key={r}>{t(`reason.${r}`)}</Tag>
      ))}
      {c.distanceMetres != null && (
        <Tag color={c.reasons.includes('nearby') ? 'blue' : 'default'} data-testid="duplicate-distance">
          {t('assist.distance', { metres: c.distanceMetres })}
        </Tag>
      )}
    </>
  );
}
