import { errorText, useShowError } from '../api/mutation';
import { useState } from 'react';
import { App, Button, Form, Modal, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { ApiError } from '../../shared/api';
import { useLang, useT } from '../../shared/i18n';
import { fetchOrderDetail, uploadAttachment, useOrderAction } from '../api/queries';
import type { Order, OrderAction } from '../api/types';
import { labels } from '../common/labels.messages';
import { orderMessages } from './orders.messages';
import { shellMessages } from '../shell/shell.messages';
import { ActionFields } from './ActionFields';
import { RequestContext } from './RequestContext';
import { ModuleTextInput, TextModuleOrder } from '../agenttools/ModuleTextInput';

export { errorText };

/** The form field a server error names ("body.text" → "text"), when this form has it. */
function formFieldOf(e: unknown, fields: Record<string, unknown>): string | undefined {
  if (!(e instanceof ApiError) || !e.field) return undefined;
  const name = e.field.replace(/^body\./, '');
  return name in fields ? name : undefined;
}

/** Turns the form's values into the action's body (dates to ISO, order numbers to ids). */
async function toBody(action: OrderAction, values: Record<string, unknown>): Promise<Record<string, unknown>> {
  const { note, intoOrder, newDeadline, ...rest } = values;
  const body: Record<string, unknown> = { ...rest };
  if (typeof note === 'string' && note.trim()) body.note = note.trim();
  if (action === 'request_extension' && newDeadline) body.newDeadline = (newDeadline as Dayjs).toDate().toISOString();
  if (action === 'merge' && typeof intoOrder === 'string') {
    const target = await fetchOrderDetail(intoOrder.trim());
    body.intoOrderId = target.order.id;
  }
  if (action === 'visit_close' && body.reached === false) {
    delete body.satisfaction;
    delete body.resolved;
  }
  for (const [k, v] of Object.entries(body)) if (v === undefined) delete body[k];
  return body;
}

interface ActionDialogProps {
  order: Pick<Order, 'id' | 'version' | 'orderNo'>;
  action: OrderAction | null;
  onClose: () => void;
  onDone?: (action: OrderAction) => void;
}

export function ActionDialog({ order, action, onClose, onDone }: ActionDialogProps) {
  const t = useT(orderMessages);
  const l = useT(labels);
  const s = useT(shellMessages);
  const { lang } = useLang();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm();
  const [files, setFiles] = useState<File[]>([]);
  const [busy, setBusy] = useState(false);
  const run = useOrderAction();

  async function submit(values: Record<string, unknown>) {
    if (!action) return;
    setBusy(true);
    try {
      for (const file of files) await uploadAttachment(order.id, file);
      const body = await toBody(action, values);
      await run.mutateAsync({ orderId: order.id, action, version: order.version, body });
      message.success(`${l(`action.${action}`)} · ${s('common.done')}`);
      form.resetFields();
      setFiles([]);
      onDone?.(action);
      onClose();
    } catch (e) {
      const field = formFieldOf(e, form.getFieldsValue());
      // Shown under the field it concerns as well, so the clerk sees what to change.
      if (field) form.setFields([{ name: field, errors: [errorText(e, lang)] }]);
      showError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open={action !== null}
      title={action ? `${l(`action.${action}`)} · ${order.orderNo}` : ''}
      onCancel={onClose}
      footer={null}
      destroyOnHidden
      width={640}
    >
      {action && (
        <TextModuleOrder.Provider value={order.id}>
          <Form form={form} layout="vertical" onFinish={submit} data-testid={`action-form-${action}`}>
            <RequestContext orderId={order.id} action={action} />
            <ActionFields action={action} />
            {action === 'reply' && (
              <Form.Item label={t('form.files')}>
                <input
                  type="file"
                  multiple
                  data-testid="field-files"
                  onChange={(e) => setFiles(Array.from(e.target.files ?? []))}
                />
              </Form.Item>
            )}
            <Form.Item name="note" label={t('form.note')}>
              <ModuleTextInput data-testid="field-note" />
            </Form.Item>
            <Space>
              <Button type="primary" htmlType="submit" loading={busy} data-testid="action-submit">
                {l(`action.${action}`)}
              </Button>
              <Button onClick={onClose}>{s('common.cancel')}</Button>
            </Space>
          </Form>
        </TextModuleOrder.Provider>
      )}
    </Modal>
  );
}
