import { Tag } from 'antd';
import { useT } from '../../shared/i18n';
import type { TimelineEvent } from '../api/types';
import { gridMessages } from './grid.messages';
import { distanceWords } from './grid-words';

/**
 * What a 现场核实 step says on the order's timeline, for everyone who reads the order (the unit and the
 * reviewer too): the grid; for the answer its result, distance, far flag, lateness, "no position",
 * and the photo.
 */
export function VerifyEventDetails({ event }: { event: TimelineEvent }) {
  const t = useT(gridMessages);
  if (event.action !== 'verify_request' && event.action !== 'verify_answer') return null;
  const p = (event.payload ?? {}) as Record<string, unknown>;
  const grid = typeof p.gridName === 'string' ? p.gridName : null;
  const answer = event.action === 'verify_answer';
  const result = typeof p.result === 'string' ? p.result : null;
  return (
    <div data-testid="timeline-verify">
      {grid && (
        <div>
          {t('card.grid')}: {grid}
        </div>
      )}
      {answer && (
        <div>
          {result && <Tag color="blue">{t(`result.${result}` as 'result.confirmed')}</Tag>}
          {typeof p.distanceMetres === 'number' && <span>{distanceWords(t, p.distanceMetres)} </span>}
          {p.far === true && <Tag color="red">{t('far')}</Tag>}
          {p.late === true && <Tag color="orange">{t('late')}</Tag>}
          {p.lat === null && <Tag>{t('noPosition')}</Tag>}
          {typeof p.photoId === 'string' && (
            <a href={`/api/attachments/${p.photoId}`} target="_blank" rel="noreferrer" data-testid="timeline-verify-photo">
              {t('card.photo')}
            </a>
          )}
        </div>
      )}
    </div>
  );
}
