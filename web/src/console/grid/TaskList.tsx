import { Button, Card, Empty, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useT } from '../../shared/i18n';
import { formatTime } from '../common/tags';
import type { Task } from './grid-api';
import { gridMessages } from './grid.messages';
import { clockWords, distanceWords } from './grid-words';
import { metresBetween, type Position } from './geolocation';

/** Now, ticking every 30 s: the 2-hour clocks on the list count down while it is open. */
export function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(id);
  }, []);
  return now;
}

/** The grid worker's tasks: pending first (nearest due first, as the server sorts), then answered. */
export function TaskList(props: { tasks: Task[]; position: Position; onOpen: (task: Task) => void }) {
  const t = useT(gridMessages);
  const now = useNow();
  if (props.tasks.length === 0) return <Empty description={t('tasks.empty')} />;
  const pending = props.tasks.filter((task) => task.state === 'pending').length;
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }} data-testid="grid-tasks">
      <Typography.Text type="secondary">{t('tasks.pending', { n: pending })}</Typography.Text>
      {props.tasks.map((task) => (
        <TaskItem key={task.id} task={task} now={now} position={props.position} onOpen={() => props.onOpen(task)} />
      ))}
    </Space>
  );
}

function TaskItem({ task, now, position, onOpen }: { task: Task; now: number; position: Position; onOpen: () => void }) {
  const t = useT(gridMessages);
  const pending = task.state === 'pending';
  const clock = clockWords(t, task.dueAt, now);
  const away = position.state === 'ok' && task.point ? metresBetween(position.point, task.point) : null;
  return (
    <Card
      size="small"
      data-testid={`grid-task-${task.orderNo}`}
      data-state={task.state}
      onClick={pending ? onOpen : undefined}
      style={{ cursor: pending ? 'pointer' : 'default', borderLeft: `4px solid ${pending ? clock.colour : '#d9d9d9'}` }}
    >
      <Space direction="vertical" size={4} style={{ width: '100%' }}>
        <Space wrap size={4}>
          {pending ? (
            <Tag color={clock.colour} data-testid="grid-task-clock">
              {clock.text}
            </Tag>
          ) : (
            <Tag>{t(`vstate.${task.state}`)}</Tag>
          )}
          {task.result && <Tag color="blue">{t(`result.${task.result}`)}</Tag>}
          {task.far && <Tag color="red">{t('far')}</Tag>}
        </Space>
        <Typography.Text strong style={{ fontSize: 16 }}>
          {task.orderTitle}
        </Typography.Text>
        <Typography.Text type="secondary">
          {task.orderNo} · {task.gridName}
        </Typography.Text>
        {task.address && <Typography.Text>{task.address}</Typography.Text>}
        {away !== null && pending && (
          <Typography.Text type="secondary">{t('task.distance', { d: distanceWords(t, away) })}</Typography.Text>
        )}
        {!pending && task.answeredAt && (
          <Typography.Text type="secondary">{t('task.answeredAt', { at: formatTime(task.answeredAt) })}</Typography.Text>
        )}
        {pending && (
          <Button type="primary" block size="large" data-testid="grid-task-open">
            {t('task.open')}
          </Button>
        )}
      </Space>
    </Card>
  );
}
