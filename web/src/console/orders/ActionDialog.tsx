import { errorText, useShowError } from '../api/mutation';
import { useState } from 'react';
import { App, Button, Form, Modal, Space, Upload, type UploadFile } from 'antd';
import type { Dayjs } from 'dayjs';
import { ApiError } from '../../shared/api';
import { useLang, useT } from '../../shared/i18n';
import { fetchOrderDetail, uploadAttachment, useOrderAction } from '../api/queries';
import type { Order, OrderAction } from '../api/types';
import { labels } from '../common/labels.messages';
import { orderMessages } from './orders.messages';
import { shellMessages } from '../shell/shell.messages';
import { ActionFields } from './ActionFields';
import { ForwardFields } from '../forwarding/ForwardFields';
import { RequestContext } from './RequestContext';
import { DispatchContext } from './DispatchContext';
import { ModuleTextInput, TextModuleOrder } from '../agenttools/ModuleTextInput';
import { textModuleDialogOf } from '../../shared/contract';

export { errorText };

/** The form field a server error names ("body.text" → "text"), when this form has it. */
function formFieldOf(e: unknown, fields: Record<string, unknown>): string | undefined {
  if (!(e instanceof ApiError) || !e.field) return undefined;
  const name = e.field.replace(/^body\./, '');
  return name in fields ? name : undefined;
}

/** Turns the form's values into the action's body (dates to ISO, order numbers to ids). */
async function toBody(action: OrderAction, values: Record<string, unknown>): Promise<Record<string, unknown>> {
  // The re-dispatch of 同意并改派 is its own request, sent after the approval (see submit).
  const {
    note,
    intoOrder,
    newDeadline,
    deadline,
    redispatchLeadUnitId: _lead,
    redispatchAssistUnitIds: _assist,
    ...rest
  } = values;
  const body: Record<string, unknown> = { ...rest };
  if (action === 'forward' && deadline) body.deadline = (deadline as Dayjs).toDate().toISOString();
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
  order: Pick<Order, 'id' | 'version' | 'orderNo'> & { deskUnitId?: string | null };
  action: OrderAction | null;
  onClose: () => void;
  onDone?: (action: OrderAction) => void;
  /** Values the desk already knows (e.g. the citizen's 未解决 when a check sends the order back). */
  initialValues?: Record<string, unknown>;
}

export function ActionDialog({ order, action, onClose, onDone, initialValues }: ActionDialogProps) {
  const t = useT(orderMessages);
  const l = useT(labels);
  const s = useT(shellMessages);
  const { lang } = useLang();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const redispatchTo = Form.useWatch('redispatchLeadUnitId', form) as string | undefined;
  const [busy, setBusy] = useState(false);
  const run = useOrderAction();

  async function submit(values: Record<string, unknown>) {
    if (!action) return;
    setBusy(true);
    try {
      for (const file of files) if (file.originFileObj) await uploadAttachment(order.id, file.originFileObj);
      const body = await toBody(action, values);
      const updated = await run.mutateAsync({ orderId: order.id, action, version: order.version, body });
      if (action === 'approve_return' && typeof values.redispatchLeadUnitId === 'string') {
        if (await redispatch(updated.version, values)) message.success(`${t('form.approveAndRedispatch')} · ${s('common.done')}`);
      } else message.success(`${l(`action.${action}`)} · ${s('common.done')}`);
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

  /** 同意并改派, second step: the approved order (now 待派单) goes to the chosen unit at once. */
  async function redispatch(version: number, values: Record<string, unknown>) {
    const body = { leadUnitId: values.redispatchLeadUnitId, assistUnitIds: values.redispatchAssistUnitIds };
    try {
      await run.mutateAsync({ orderId: order.id, action: 'dispatch', version, body });
      return true;
    } catch (e) {
      // The approval stands on its own (the order waits in 待派单, the dialog closes): say so.
      showError(new Error(t('form.redispatchFailed', { error: errorText(e, lang) }), { cause: e }));
      return false;
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
        <TextModuleOrder.Provider value={{ orderId: order.id, dialog: textModuleDialogOf(action) }}>
          <Form
            form={form}
            layout="vertical"
            onFinish={submit}
            initialValues={initialValues}
            data-testid={`action-form-${action}`}
          >
            <RequestContext orderId={order.id} action={action} />
            {action === 'dispatch' && <DispatchContext orderId={order.id} field="leadUnitId" />}
            {action === 'forward' ? (
              <ForwardFields orderId={order.id} />
            ) : (
              <ActionFields action={action} deskUnitId={order.deskUnitId} />
            )}
            {action === 'reply' && (
              <Form.Item label={t('form.files')}>
                <Upload
                  multiple
                  listType="picture"
                  fileList={files}
                  beforeUpload={() => false}
                  onChange={({ fileList }) => setFiles(fileList)}
                  data-testid="field-files"
                >
                  <Button>{t('form.pickFiles')}</Button>
                </Upload>
              </Form.Item>
            )}
            <Form.Item name="note" label={t('form.note')}>
              <ModuleTextInput data-testid="field-note" />
            </Form.Item>
            <Space>
              <Button type="primary" htmlType="submit" loading={busy} data-testid="action-submit">
                {action === 'approve_return' && redispatchTo ? t('form.approveAndRedispatch') : l(`action.${action}`)}
              </Button>
              <Button onClick={onClose}>{s('common.cancel')}</Button>
            </Space>
          </Form>
        </TextModuleOrder.Provider>
      )}
    </Modal>
  );
}
