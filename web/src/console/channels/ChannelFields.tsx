import { Col, Form, Row } from 'antd';
import { useEffect, useMemo, useRef } from 'react';
import { useT } from '../../shared/i18n';
import { CONSOLE_CHANNELS, MAIN_HOTLINE } from '../../shared/contract';
import { labels } from '../common/labels.messages';
import { channelMessages } from './channels.messages';
import { useMergedLines, useServiceWindows } from './channels-api';
import { KeyboardSelect } from './KeyboardSelect';

/**
 * A new channel brings a new second field (number or window) or none: the keyboard goes on to it, or
 * to the caller's phone, when the choice left the focus on the channel picker or nowhere (the field it
 * would have moved to may just have gone). A form reset after saving keeps the focus where it is.
 */
function useFocusAfterChannel(channel: string) {
  const row = useRef<HTMLDivElement>(null);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const timer = setTimeout(() => {
      const active = document.activeElement;
      const stranded = !active || active === document.body || active.closest('[data-testid="intake-channel"]');
      if (!stranded) return;
      const next =
        row.current?.querySelector<HTMLInputElement>('[data-testid="intake-line"] input, [data-testid="intake-window"] input') ??
        document.querySelector<HTMLInputElement>('[data-testid="intake-phone"]');
      next?.focus();
    }, 30);
    return () => clearTimeout(timer);
  }, [channel]);
  return row;
}

/**
 * The intake's channel row (issue 16): how the appeal came in; for a call the number dialled (12345
 * or a line kept in parallel, filled from the CTI when it reports one), for a window which window.
 * Above the caller's phone, which keeps the focus when the screen opens (most appeals are calls).
 */
export function ChannelFields() {
  const t = useT(channelMessages);
  const l = useT(labels);
  const channel = Form.useWatch('channel') ?? 'phone';
  const detail = useFocusAfterChannel(channel);
  const lines = useMergedLines();
  const windows = useServiceWindows();
  const lineOptions = useMemo(
    () => [
      { value: MAIN_HOTLINE, label: t('mainLine') },
      ...(lines.data?.items ?? [])
        .filter((line) => line.mode === 'parallel')
        .map((line) => ({ value: line.number, label: `${line.number} ${line.name}（${line.formerDepartment}）` })),
    ],
    [lines.data, t],
  );
  const windowOptions = useMemo(
    () =>
      (windows.data?.items ?? [])
        .filter((w) => w.active)
        .map((w) => ({ value: w.id, label: `${w.name}（${t(`level.${w.level}`)}）` })),
    [windows.data, t],
  );
  return (
    <Row gutter={12} ref={detail}>
      <Col span={8}>
        <Form.Item name="channel" label={t('channel')} rules={[{ required: true }]}>
          <KeyboardSelect
            testId="intake-channel"
            options={CONSOLE_CHANNELS.map((c) => ({ value: c, label: l(`channel.${c}`) }))}
          />
        </Form.Item>
      </Col>
      {channel === 'phone' && (
        <Col span={16}>
          <Form.Item name="sourceNumber" label={t('dialled')}>
            <KeyboardSelect testId="intake-line" options={lineOptions} loading={lines.isLoading} />
          </Form.Item>
        </Col>
      )}
      {channel === 'window' && (
        <Col span={16}>
          <Form.Item name="windowId" label={t('window')} rules={[{ required: true, message: t('windowRequired') }]}>
            <KeyboardSelect testId="intake-window" options={windowOptions} loading={windows.isLoading} />
          </Form.Item>
        </Col>
      )}
    </Row>
  );
}
