import { Button, Card, Form, Input, List, Modal, Space, Tag, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { VERIFY_REQUEST_ROLES } from '../../../../src/contract/geo';
import { useT } from '../../shared/i18n';
import { useWrite } from '../api/mutation';
import { invalidateOrder } from '../api/queries';
import { OPEN_STATES, type Order } from '../api/types';
import { formatTime } from '../common/tags';
import { shellMessages } from '../shell/shell.messages';
import { hasRole, useSession } from '../shell/session';
import { gridKeys, requestVerification, useOrderVerifications, type Task } from './grid-api';
import { gridMessages } from './grid.messages';
import { distanceWords } from './grid-words';

/**
 * 现场核实 on the order page: every task of the order with its result, distance, far flag, grid and
 * photo — for the unit and the reviewer as for the centre — and, for a dispatcher or supervisor, 发起现场核实
 * on an open order with a point and no task pending.
 */
export function VerificationCard({ order }: { order: Order }) {
  const me = useSession();
  const t = useT(gridMessages);
  const tasks = useOrderVerifications(order.id);
  const [asking, setAsking] = useState(false);
  const items = tasks.data?.items ?? [];
  const mayRequest =
    hasRole(me, ...VERIFY_REQUEST_ROLES) &&
    OPEN_STATES.includes(order.state) &&
    order.point !== null &&
    !items.some((task) => task.state === 'pending');
  if (items.length === 0 && !mayRequest) return null;
  return (
    <Card
      title={t('card.title')}
      size="small"
      style={{ marginTop: 16 }}
      data-testid="verification-card"
      extra={
        mayRequest && (
          <Button size="small" onClick={() => setAsking(true)} data-testid="verification-request">
            {t('card.request')}
          </Button>
        )
      }
    >
      <List
        size="small"
        dataSource={items}
        locale={{ emptyText: t('card.empty') }}
        renderItem={(task) => <TaskLine task={task} />}
      />
      <RequestDialog order={order} open={asking} onClose={() => setAsking(false)} />
    </Card>
  );
}

function TaskLine({ task }: { task: Task }) {
  const t = useT(gridMessages);
  return (
    <List.Item data-testid="verification-task" data-state={task.state}>
      <Space direction="vertical" size={0}>
        <Space wrap size={4}>
          <Tag color={task.state === 'pending' ? (task.overdue ? 'red' : 'orange') : 'default'}>{t(`vstate.${task.state}`)}</Tag>
          {task.result && <Tag color="blue">{t(`result.${task.result}`)}</Tag>}
          {task.far && <Tag color="red">{t('far')}</Tag>}
          {task.state === 'answered' && task.overdue && <Tag color="orange">{t('late')}</Tag>}
          {task.state === 'answered' && !task.answerPoint && <Tag>{t('noPosition')}</Tag>}
          {task.distanceMetres !== null && <Typography.Text>{distanceWords(t, task.distanceMetres)}</Typography.Text>}
        </Space>
        <Typography.Text type="secondary">
          {t('card.grid')}: {task.gridName} · {t('card.due')} {formatTime(task.dueAt)}
          {task.answeredAt && ` · ${t('task.answeredAt', { at: formatTime(task.answeredAt) })}`}
        </Typography.Text>
        {task.answerNote && <Typography.Text>{task.answerNote}</Typography.Text>}
        {task.photoId && (
          <a href={`/api/attachments/${task.photoId}`} target="_blank" rel="noreferrer" data-testid="verification-photo">
            {t('card.photo')}
          </a>
        )}
      </Space>
    </List.Item>
  );
}

function RequestDialog({ order, open, onClose }: { order: Order; open: boolean; onClose: () => void }) {
  const t = useT(gridMessages);
  const s = useT(shellMessages);
  const write = useWrite();
  const client = useQueryClient();
  async function submit(values: { note?: string }) {
    const done = await write(() => requestVerification(order.id, values.note?.trim() || undefined), {
      success: t('card.requested'),
      invalidate: [gridKeys.orderVerifications(order.id)],
    });
    if (!done.ok) return;
    invalidateOrder(client, order.id);
    onClose();
  }
  return (
    <Modal open={open} title={t('card.requestTitle', { no: order.orderNo })} onCancel={onClose} footer={null} destroyOnHidden>
      <Typography.Paragraph type="secondary">{t('card.requestHint')}</Typography.Paragraph>
      <Form layout="vertical" onFinish={submit}>
        <Form.Item name="note" label={t('card.requestNote')}>
          <Input.TextArea rows={3} maxLength={2000} data-testid="verification-note" autoFocus />
        </Form.Item>
        <Button type="primary" htmlType="submit" data-testid="verification-submit">
          {s('common.submit')}
        </Button>
      </Form>
    </Modal>
  );
}
