import { Alert } from 'antd';
import { useEffect, useState } from 'react';
import { PRESENCE_HEARTBEAT_MS } from '../../shared/contract';
import { useT } from '../../shared/i18n';
import { beatPresence, leavePresence, type PresenceView } from './agenttools-api';
import { agentToolsMessages } from './agenttools.messages';

/**
 * Says "I have this order open" every ~10 s while the page is shown and tells when someone else does.
 * Advisory only: the order's version check stays the guard when both submit.
 */
export function PresenceBanner({ orderId }: { orderId: string }) {
  const t = useT(agentToolsMessages);
  const [others, setOthers] = useState<PresenceView[]>([]);
  useEffect(() => {
    let stopped = false;
    const beat = () =>
      beatPresence(orderId).then(
        (r) => !stopped && setOthers(r.others),
        () => undefined, // a missed beat only delays the banner
      );
    const leave = () => void leavePresence(orderId).catch(() => undefined);
    void beat();
    const timer = setInterval(beat, PRESENCE_HEARTBEAT_MS);
    window.addEventListener('pagehide', leave); // a closed tab or a full navigation runs no React cleanup
    return () => {
      stopped = true;
      clearInterval(timer);
      window.removeEventListener('pagehide', leave);
      leave();
    };
  }, [orderId]);
  if (others.length === 0) return null;
  const names = others.map((o) => (o.unitName ? `${o.name} · ${o.unitName}` : o.name)).join('、');
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 12 }}
      message={t('presence.other', { names })}
      description={t('presence.hint')}
      data-testid="presence-banner"
    />
  );
}
