import { Button, Card, Descriptions, Form, Input, Select, Tag, Typography } from 'antd';
import { cleanCategoryAliases } from '../../shared/contract';
import { useT } from '../../shared/i18n';
import { useWrite } from '../api/mutation';
import { keys } from '../api/queries';
import type { CategoryNode } from '../api/types';
import { shellMessages } from '../shell/shell.messages';
import { updateCategory } from './admin-api';
import { adminMessages } from './admin.messages';
import { DuplicateRadiusForm } from './DuplicateRadiusForm';

/** A write on the category tree: says `done` and refreshes the tree; true when it went through. */
export function useSubmit() {
  const write = useWrite();
  return async (run: () => Promise<unknown>, done: string) =>
    (await write(run, { success: done, invalidate: [keys.categories] })).ok;
}

/** One category: its code, level and state; rename, aliases, disable or re-enable. */
export function CategoryPanel({ category }: { category: CategoryNode }) {
  const t = useT(adminMessages);
  const s = useT(shellMessages);
  const submit = useSubmit();
  const patch = (json: { name?: string; active?: boolean; aliases?: string[] }) =>
    submit(() => updateCategory(category.id, json), s('common.done'));
  return (
    <Card title={category.name} data-testid="category-panel">
      <Descriptions
        column={1}
        size="small"
        bordered
        items={[
          { key: 'code', label: t('units.code'), children: category.code },
          { key: 'level', label: t('categories.level'), children: category.level },
          {
            key: 'active',
            label: t('units.active'),
            children: (
              <Tag color={category.active ? 'green' : 'default'} data-testid="category-state">
                {category.active ? t('units.activeYes') : t('units.activeNo')}
              </Tag>
            ),
          },
        ]}
      />
      <Form
        layout="inline"
        style={{ marginTop: 12 }}
        initialValues={{ name: category.name }}
        onFinish={(v: { name: string }) => patch({ name: v.name })}
      >
        <Form.Item name="name" rules={[{ required: true, whitespace: true, max: 100 }]}>
          <Input data-testid="category-rename" style={{ width: 240 }} />
        </Form.Item>
        <Button htmlType="submit" data-testid="category-rename-submit">
          {t('common.rename')}
        </Button>
      </Form>
      <AliasesForm aliases={category.aliases} onSave={(aliases) => patch({ aliases })} />
      <DuplicateRadiusForm category={category} />
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 4 }}>
        {category.active ? t('categories.disableNote') : t('categories.enableNote')}
      </Typography.Paragraph>
      <Button danger={category.active} onClick={() => patch({ active: !category.active })} data-testid="category-toggle">
        {category.active ? t('categories.disable') : t('categories.enable')}
      </Button>
    </Card>
  );
}

/** The category's search aliases as tags; checked by the server's own rule before saving (ADR 0085). */
function AliasesForm({ aliases, onSave }: { aliases: string[]; onSave: (aliases: string[]) => unknown }) {
  const t = useT(adminMessages);
  const valid = (_: unknown, value: string[] | undefined) =>
    'problem' in cleanCategoryAliases(value ?? [])
      ? Promise.reject(new Error(t('categories.aliasesInvalid')))
      : Promise.resolve();
  return (
    <Form
      layout="vertical"
      style={{ marginTop: 12 }}
      initialValues={{ aliases }}
      onFinish={(v: { aliases?: string[] }) => onSave(cleanAliases(v.aliases ?? []))}
    >
      <Form.Item
        name="aliases"
        label={t('categories.aliases')}
        extra={t('categories.aliasesNote')}
        rules={[{ validator: valid }]}
      >
        <Select mode="tags" open={false} tokenSeparators={[',', '，', '、']} data-testid="category-aliases" />
      </Form.Item>
      <Button htmlType="submit" data-testid="category-aliases-submit">
        {t('categories.aliasesSave')}
      </Button>
    </Form>
  );
}

const cleanAliases = (aliases: string[]) => {
  const result = cleanCategoryAliases(aliases);
  return 'aliases' in result ? result.aliases : aliases;
};
