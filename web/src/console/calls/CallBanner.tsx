import { Alert, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useT } from '../../shared/i18n';
import type { ScreenPopView } from '../../shared/contract';
import { callMessages } from './calls.messages';

const clock = (ms: number) => {
  const s = Math.max(0, Math.floor(ms / 1000));
  return `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
};

/** The call the intake was opened on: number, state and a running timer from when it rang or was answered. */
export function CallBanner({ pop }: { pop: ScreenPopView }) {
  const t = useT(callMessages);
  const [now, setNow] = useState(() => Date.now());
  const over = pop.call.endedAt !== null;
  useEffect(() => {
    if (over) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [over]);
  const from = new Date(pop.call.answeredAt ?? pop.call.offeredAt).getTime();
  const until = over ? new Date(pop.call.endedAt!).getTime() : now;
  const state = over ? t('ended') : pop.call.status === 'answered' ? t('onCall') : t('ringing');
  return (
    <Alert
      type="info"
      showIcon
      data-testid="call-banner"
      style={{ marginBottom: 16 }}
      title={
        <Space wrap>
          <Typography.Text strong>{state}</Typography.Text>
          <Typography.Text data-testid="call-number">{pop.callerNumber}</Typography.Text>
          <Typography.Text data-testid="call-timer">{t('timer', { time: clock(until - from) })}</Typography.Text>
          <Typography.Text type="secondary">{t('linked')}</Typography.Text>
        </Space>
      }
    />
  );
}
