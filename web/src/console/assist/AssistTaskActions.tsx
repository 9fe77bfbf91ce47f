import { useState } from 'react';
import { Button, Form, Input, Modal, Space } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useT } from '../../shared/i18n';
import { useWrite } from '../api/mutation';
import { keys } from '../api/keys';
import { invalidateOrder } from '../api/queries';
import { shellMessages } from '../shell/shell.messages';
import { assistMessages } from './assist.messages';
import { signAssist, submitAssistOpinion, urgeAssist, type AssistTask } from './assist-api';

/** 签收 / 填写协办意见 / 催办 for one task, as the server says the reader may (task.can). */
export function AssistTaskActions({ task }: { task: AssistTask }) {
  const t = useT(assistMessages);
  const s = useT(shellMessages);
  const write = useWrite();
  const client = useQueryClient();
  const [dialog, setDialog] = useState<'opinion' | 'urge' | null>(null);
  const [busy, setBusy] = useState(false);
  const tid = `${task.orderNo}-${task.unitName}`;

  async function run<R>(request: () => Promise<R>, success: string) {
    setBusy(true);
    const done = await write(request, { success, invalidate: [keys.assistInbox] });
    setBusy(false);
    if (!done.ok) return;
    invalidateOrder(client, task.orderId);
    setDialog(null);
  }

  if (!task.can.sign && !task.can.opinion && !task.can.urge) return null;
  return (
    <>
      <Space size={4} wrap>
        {task.can.sign && (
          <Button
            size="small"
            loading={busy}
            data-testid={`assist-sign-${tid}`}
            onClick={() => run(() => signAssist(task), t('done.sign'))}
          >
            {t('sign')}
          </Button>
        )}
        {task.can.opinion && (
          <Button size="small" type="primary" data-testid={`assist-opinion-${tid}`} onClick={() => setDialog('opinion')}>
            {t('opinion')}
          </Button>
        )}
        {task.can.urge && (
          <Button size="small" data-testid={`assist-urge-${tid}`} onClick={() => setDialog('urge')}>
            {t('urge')}
          </Button>
        )}
      </Space>
      <Modal
        open={dialog !== null}
        title={dialog === 'opinion' ? t('opinion.title', { order: task.orderNo }) : t('urge.title', { unit: task.unitName })}
        onCancel={() => setDialog(null)}
        footer={null}
        destroyOnHidden
      >
        <Form
          layout="vertical"
          onFinish={(v: { opinion?: string; note?: string }) =>
            dialog === 'opinion'
              ? run(() => submitAssistOpinion(task, v.opinion ?? ''), t('done.opinion'))
              : run(() => urgeAssist(task, v.note), t('done.urge'))
          }
        >
          {dialog === 'opinion' ? (
            <Form.Item name="opinion" label={t('opinion.label')} rules={[{ required: true, whitespace: true }]}>
              <Input.TextArea
                rows={5}
                maxLength={4000}
                placeholder={t('opinion.placeholder')}
                data-testid="assist-opinion-text"
                autoFocus
              />
            </Form.Item>
          ) : (
            <Form.Item name="note" label={t('urge.label')}>
              <Input.TextArea rows={3} maxLength={2000} data-testid="assist-urge-note" autoFocus />
            </Form.Item>
          )}
          <Space>
            <Button type="primary" htmlType="submit" loading={busy} data-testid="assist-submit">
              {s('common.submit')}
            </Button>
            <Button onClick={() => setDialog(null)}>{s('common.cancel')}</Button>
          </Space>
        </Form>
      </Modal>
    </>
  );
}
