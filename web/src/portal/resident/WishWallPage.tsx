import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { WALL_STATES, type WallState } from '../../shared/contract';
import { useT } from '../../shared/i18n';
import { when } from '../ProgressView';
import { Button, Choice, Notice, Tag } from '../ui';
import { useWishWall } from './resident-api';
import { residentMessages } from './resident.messages';

const TONE: Record<WallState, 'blue' | 'orange' | 'green'> = { open: 'blue', claimed: 'orange', done: 'green' };

/** 心愿墙: the public wall by state (待认领 / 已认领 / 已实现), names masked, no personal data. */
export function WishWallPage() {
  const t = useT(residentMessages);
  const navigate = useNavigate();
  const [state, setState] = useState<WallState>('open');
  const wall = useWishWall(state);
  return (
    <section>
      <h2>{t('wallTitle')}</h2>
      <p className="p-muted">{t('wallLead')}</p>
      <Button primary big onClick={() => navigate('/portal/wishes/mine')} data-testid="wall-go-mine">
        {t('postWish')} / {t('myWishes')}
      </Button>
      <Choice<WallState>
        label={t('wallTitle')}
        value={state}
        onChange={setState}
        options={WALL_STATES.map((s) => ({ value: s, label: t(`wall.${s}`) }))}
        testId="wall-states"
      />
      {wall.data && wall.data.wishes.length === 0 && <Notice kind="info">{t('wallEmpty')}</Notice>}
      <ul className="p-list" data-testid="wall-list">
        {wall.data?.wishes.map((w) => (
          <li key={w.id} data-testid="wall-wish">
            <div className="portal-step">
              <Tag tone={TONE[w.state]}>{t(`wall.${w.state}`)}</Tag>
              {w.title}
            </div>
            <div style={{ wordBreak: 'break-word' }}>{w.detail}</div>
            <div className="p-muted">
              {w.posterName} · {w.unitName} · {when(w.postedAt)}
            </div>
            {w.claimedUnitName && <div className="p-muted">{t('claimedBy', { unit: w.claimedUnitName })}</div>}
          </li>
        ))}
      </ul>
    </section>
  );
}
