import { errorText, useShowError } from '../api/mutation';
import { useState } from 'react';
import { App, Button, Form, Modal, Space, Upload, type UploadFile } from 'antd';
import { useLang, useT } from '../../shared/i18n';
import { uploadAttachment, useOrderAction } from '../api/queries';
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
import { formFieldOf, toBody } from './action-body';

export { errorText };

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
