import { Button, Checkbox, Form, Input, Space, Switch, Tag } from 'antd';
import { TEXT_MODULE_DIALOGS, TEXT_MODULE_VARIABLES } from '../../shared/contract';
import { useLang, useT } from '../../shared/i18n';
import { errorText, useWrite } from '../api/mutation';
import { ApiError } from '../../shared/api';
import { CategoryPicker, UnitPicker } from '../common/pickers';
import { shellMessages } from '../shell/shell.messages';
import { agentKeys, createTextModule, updateTextModule, type TextModuleView } from './agenttools-api';
import { agentToolsMessages } from './agenttools.messages';

/** Create (module null) or edit a text module; a field the server refuses is marked under its input. */
export function ModuleForm({ module, onDone }: { module: TextModuleView | null; onDone: () => void }) {
  const t = useT(agentToolsMessages);
  const s = useT(shellMessages);
  const { lang } = useLang();
  const write = useWrite();
  const [form] = Form.useForm();
  async function save(values: {
    name: string;
    keyword: string;
    body: string;
    categoryId?: string;
    unitId?: string;
    dialogs?: TextModuleView['dialogs'];
  }) {
    const body = {
      ...values,
      categoryId: values.categoryId ?? null,
      unitId: values.unitId ?? null,
      dialogs: values.dialogs ?? [],
    };
    const saved = await write(
      async () => {
        try {
          return await (module ? updateTextModule(module.id, body) : createTextModule(body));
        } catch (e) {
          // The field the server names is marked under its input too.
          if (e instanceof ApiError && e.field)
            form.setFields([{ name: e.field.replace(/^body\./, ''), errors: [errorText(e, lang)] }]);
          throw e;
        }
      },
      { success: t('modules.saved', { name: values.name }), invalidate: [agentKeys.modulesAdmin] },
    );
    if (saved.ok) onDone();
  }
  return (
    <Form form={form} layout="vertical" initialValues={module ?? {}} onFinish={save} data-testid="module-form">
      <Form.Item name="name" label={t('modules.name')} rules={[{ required: true, whitespace: true }]}>
        <Input data-testid="module-name" />
      </Form.Item>
      <Form.Item name="keyword" label={t('modules.keyword')} rules={[{ required: true }]}>
        <Input prefix="::" data-testid="module-keyword" />
      </Form.Item>
      <Form.Item
        name="body"
        label={t('modules.body')}
        rules={[{ required: true, whitespace: true }]}
        extra={
          <span>
            {t('modules.variables')}：
            {TEXT_MODULE_VARIABLES.map((v) => (
              <Tag key={v} style={{ marginTop: 4 }}>{`{{${v}}}`}</Tag>
            ))}
          </span>
        }
      >
        <Input.TextArea rows={5} data-testid="module-body" />
      </Form.Item>
      <Form.Item name="categoryId" label={t('modules.category')}>
        <CategoryPicker testId="module-category" />
      </Form.Item>
      <Form.Item name="unitId" label={t('modules.unit')}>
        <UnitPicker testId="module-unit" />
      </Form.Item>
      <Form.Item name="dialogs" label={t('modules.dialogsField')}>
        <Checkbox.Group
          options={TEXT_MODULE_DIALOGS.map((d) => ({ value: d, label: t(`modules.dialog.${d}`) }))}
          data-testid="module-dialogs"
        />
      </Form.Item>
      {module && (
        <Form.Item name="active" label={t('modules.active')} valuePropName="checked">
          <Switch />
        </Form.Item>
      )}
      <Space>
        <Button type="primary" htmlType="submit" data-testid="module-save">
          {s('common.save')}
        </Button>
        <Button onClick={onDone}>{s('common.cancel')}</Button>
      </Space>
    </Form>
  );
}
