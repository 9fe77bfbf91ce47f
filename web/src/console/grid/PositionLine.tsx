import { Alert, Button } from 'antd';
import { useT } from '../../shared/i18n';
import type { GeoPoint } from '../../../../src/contract/geo';
import { gridMessages } from './grid.messages';
import { distanceWords } from './grid-words';
import { metresBetween, type Position } from './geolocation';

/** Where the phone is, in words, with a retry; how far from `site` when given (far beyond `farMetres`). */
export function PositionLine(props: { position: Position; retry: () => void; site?: GeoPoint | null; farMetres?: number }) {
  const t = useT(gridMessages);
  const { position } = props;
  if (position.state === 'locating')
    return <Alert type="info" showIcon message={t('geo.locating')} data-testid="grid-position" data-state="locating" />;
  if (position.state !== 'ok')
    return (
      <Alert
        type="warning"
        showIcon
        data-testid="grid-position"
        data-state={position.state}
        message={t(position.state === 'denied' ? 'geo.denied' : 'geo.unavailable')}
        action={
          <Button size="small" onClick={props.retry}>
            {t('geo.retry')}
          </Button>
        }
      />
    );
  const away = props.site ? metresBetween(position.point, props.site) : null;
  const far = away !== null && props.farMetres !== undefined && away > props.farMetres;
  const lines = [t('geo.ok', { acc: distanceWords(t, position.accuracy) })];
  if (away !== null) lines.push(t('geo.fromSite', { d: distanceWords(t, away) }));
  if (far) lines.push(t('geo.farWarn'));
  return (
    <Alert type={far ? 'warning' : 'success'} showIcon data-testid="grid-position" data-state="ok" message={lines.join('；')} />
  );
}
