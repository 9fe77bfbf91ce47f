import { useEffect, useState } from 'react';
import { Tag, Tooltip } from 'antd';
import dayjs from 'dayjs';
import { useLang, useT } from '../../shared/i18n';
import type { Order, OrderState } from '../api/types';
import { labels } from './labels.messages';
import { levelAt, readDeadline } from './deadline';

const STATE_COLOURS: Record<OrderState, string> = {
  accepted: 'blue',
  dispatched: 'geekblue',
  return_requested: 'orange',
  handling: 'processing',
  extension_requested: 'gold',
  replied: 'cyan',
  visiting: 'purple',
  checking: 'magenta',
  closed: 'success',
  invalid: 'default',
  merged: 'default',
};

/**
 * A tag never wider than its table cell: a long English state (Dispatched, to sign) or countdown (Red:
 * overdue · 4d 21h 15m overdue) ends in … inside its column (the rest on hover) instead of spilling over
 * the next one.
 */
const FIT_CELL = { maxWidth: '100%', overflow: 'hidden', textOverflow: 'ellipsis', verticalAlign: 'bottom' } as const;

export function StateTag({ state }: { state: OrderState }) {
  const l = useT(labels);
  return (
    <Tag color={STATE_COLOURS[state]} data-testid="state-tag" data-state={state} title={l(`state.${state}`)} style={FIT_CELL}>
      {l(`state.${state}`)}
    </Tag>
  );
}

export function PriorityTag({ priority }: { priority: number }) {
  const l = useT(labels);
  const colour = priority === 1 ? 'red' : priority === 2 ? 'orange' : priority === 4 ? 'purple' : 'default';
  const word = l(`priority.${priority as 1 | 2 | 3 | 4}`);
  return (
    <Tag color={colour} title={word} style={FIT_CELL}>
      {word}
    </Tag>
  );
}

export const formatTime = (iso: string | null | undefined) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—');
/** The same to the second, where the order of close events matters (the audit trail). */
export const formatSeconds = (iso: string | null | undefined) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm:ss') : '—');

/** Time left (or past) a deadline in the console's words: 剩余 1天2小时5分 / 超期 9小时37分. */
export function formatRemaining(ms: number, lang: 'zh' | 'en'): string {
  const overdue = ms < 0;
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  const text =
    lang === 'zh' ? `${d ? `${d}天` : ''}${h ? `${h}小时` : ''}${m}分` : `${d ? `${d}d ` : ''}${h ? `${h}h ` : ''}${m}m`;
  if (lang === 'zh') return overdue ? `超期 ${text}` : `剩余 ${text}`;
  return overdue ? `${text} overdue` : `${text} left`;
}

/**
 * Countdown to the order's current deadline, yellow/red as the time-limit engine says; nothing when no
 * deadline. `short` leaves the level's words (红灯超期 · ) to the colour and the tooltip, for narrow lists.
 */
export function DeadlineTag({ order, short = false }: { order: Order; short?: boolean }) {
  const l = useT(labels);
  const { lang } = useLang();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  const deadline = readDeadline(order);
  if (!deadline) return null;
  const remaining = deadline.dueAt.getTime() - now;
  const level = levelAt(deadline, now);
  const colour = level === 'red' ? 'red' : level === 'yellow' ? 'gold' : 'green';
  const levelWords = level !== 'none' ? `${l(`warn.${level}`)} · ` : '';
  const stage = deadline.stage ? l(`stage.${deadline.stage}`) : '';
  return (
    <Tooltip title={`${short ? levelWords : ''}${stage} ${formatTime(deadline.dueAt.toISOString())}`}>
      <Tag color={colour} data-testid="deadline-tag" data-level={level} style={FIT_CELL}>
        {!short && levelWords}
        {formatRemaining(remaining, lang)}
        {deadline.paused && ` · ${l('clock.paused')}`}
      </Tag>
    </Tooltip>
  );
}

/** 重办: the order came back from the return visit (or review) and is being handled again. */
export function RehandleTag({ count }: { count: number }) {
  const l = useT(labels);
  if (count <= 0) return null;
  return (
    <Tag color="volcano" data-testid="rehandle-tag">
      {count === 1 ? l('rehandled') : l('rehandledTimes', { n: count })}
    </Tag>
  );
}
