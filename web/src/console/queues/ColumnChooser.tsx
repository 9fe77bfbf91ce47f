import { Button, Checkbox, Popover } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useT } from '../../shared/i18n';
import type { QueueColumn, QueueName } from '../../shared/contract';
import { useWrite } from '../api/mutation';
import { queueKeys, saveColumns } from './queues-api';
import { queueToolMessages } from './queues.messages';

/** The columns a queue can hide or show (number and actions always show); src/contract/queues.ts lists them. */
export const QUEUE_COLUMN_KEYS: readonly QueueColumn[] = [
  'title',
  'type',
  'priority',
  'state',
  'leadUnit',
  'deadline',
  'acceptedAt',
];

/** The person's column choice for one queue, kept on the server (PUT /api/queues/:queue/columns). */
export function ColumnChooser({ queue, columns, testId }: { queue: QueueName; columns: QueueColumn[] | null; testId: string }) {
  const t = useT(queueToolMessages);
  const write = useWrite();
  const client = useQueryClient();
  const value = columns ?? [...QUEUE_COLUMN_KEYS];
  const choose = async (next: QueueColumn[]) => {
    if (next.length === 0) return;
    client.setQueryData(queueKeys.columns(queue), { columns: next });
    await write(() => saveColumns(queue, next), { invalidate: [queueKeys.columns(queue)] });
  };
  const content = (
    <Checkbox.Group
      style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
      value={value}
      onChange={(v) => void choose(QUEUE_COLUMN_KEYS.filter((k) => (v as string[]).includes(k)))}
      options={QUEUE_COLUMN_KEYS.map((k) => ({
        value: k,
        label: <span data-testid={`${testId}-col-${k}`}>{t(`col.${k}`)}</span>,
      }))}
    />
  );
  return (
    <Popover trigger="click" content={content} placement="bottomRight">
      <Button size="small" data-testid={`${testId}-columns`}>
        {t('columns.choose')}
      </Button>
    </Popover>
  );
}
