import { Button, Card, Form, Input } from 'antd';
import { useT } from '../../shared/i18n';
import type { CategoryNode } from '../api/types';
import { shellMessages } from '../shell/shell.messages';
import { createCategory } from './admin-api';
import { adminMessages } from './admin.messages';
import { useSubmit } from './CategoryPanel';

/** Adds a top-level category, or a sub-category of the selected one (not under a disabled one). */
export function NewCategoryCard({
  parent,
  onCreated,
}: {
  parent: CategoryNode | null;
  onCreated: (id: string, parentId: string | null) => void;
}) {
  const t = useT(adminMessages);
  const s = useT(shellMessages);
  const submit = useSubmit();
  const [form] = Form.useForm();
  async function add(values: { name: string; code: string }) {
    let id: string | null = null;
    const ok = await submit(
      async () => {
        id = (await createCategory({ ...values, parentId: parent?.id ?? null })).id;
      },
      t('categories.created', { name: values.name }),
    );
    if (ok && id) {
      form.resetFields();
      onCreated(id, parent?.id ?? null);
    }
  }
  return (
    <Card
      size="small"
      style={{ marginTop: 16 }}
      title={parent ? t('categories.addChild', { name: parent.name }) : t('categories.addTop')}
    >
      <Form form={form} layout="vertical" onFinish={add}>
        <Form.Item name="name" label={t('units.name')} rules={[{ required: true, whitespace: true, max: 100 }]}>
          <Input data-testid="category-new-name" />
        </Form.Item>
        <Form.Item name="code" label={t('units.code')} rules={[{ required: true, pattern: /^[A-Za-z0-9_.-]{1,40}$/ }]}>
          <Input data-testid="category-new-code" />
        </Form.Item>
        <Button type="primary" htmlType="submit" data-testid="category-new-submit" disabled={parent ? !parent.active : false}>
          {s('common.save')}
        </Button>
      </Form>
    </Card>
  );
}
