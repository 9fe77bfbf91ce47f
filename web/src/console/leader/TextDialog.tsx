import { Button, Form, Input, Modal } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../../shared/i18n';
import { shellMessages } from '../shell/shell.messages';

/**
 * One written text and 提交: the dialog of every leaders' step (批示, 答复, 疑难件, 意见, 结论). The
 * server refuses blanks; the form says so first.
 */
export function TextDialog(props: {
  open: boolean;
  title: string;
  label: string;
  testId: string;
  required?: boolean;
  extra?: ReactNode;
  onSubmit: (text: string, values: Record<string, unknown>) => Promise<boolean>;
  onClose: () => void;
}) {
  const s = useT(shellMessages);
  const required = props.required ?? true;
  return (
    <Modal open={props.open} title={props.title} onCancel={props.onClose} footer={null} destroyOnHidden>
      <Form
        layout="vertical"
        onFinish={async (values: Record<string, unknown>) => {
          if (await props.onSubmit(String(values.text ?? ''), values)) props.onClose();
        }}
      >
        {props.extra}
        <Form.Item name="text" label={props.label} rules={required ? [{ required: true, whitespace: true }] : []}>
          <Input.TextArea rows={4} data-testid={`${props.testId}-text`} autoFocus />
        </Form.Item>
        <Button type="primary" htmlType="submit" data-testid={`${props.testId}-submit`}>
          {s('common.submit')}
        </Button>
      </Form>
    </Modal>
  );
}
