import { useWrite } from '../api/mutation';
import { createCategory, updateCategory } from './admin-api';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Button, Card, Col, Descriptions, Empty, Form, Input, Row, Select, Tag, Tree, Typography } from 'antd';
import { categoryMatches, cleanCategoryAliases } from '../../shared/contract';
import { useT } from '../../shared/i18n';
import { keys, useCategories } from '../api/queries';
import type { CategoryNode } from '../api/types';
import { buildTree } from '../common/tree';
import { adminMessages } from './admin.messages';
import { shellMessages } from '../shell/shell.messages';

/**
 * The category tree as the intake screen uses it, searchable; inactive categories greyed. The admin
 * adds a top-level or sub-category, renames, disables (with its subtree) or re-enables one.
 */
export function CategoriesAdminPage() {
  const t = useT(adminMessages);
  const categories = useCategories();
  const [search, setSearch] = useState('');
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const rows = categories.data?.items ?? [];
  const inactive = useMemo(() => new Set(rows.filter((c) => !c.active).map((c) => c.id)), [rows]);
  const tree = useMemo(() => buildTree(rows), [rows]);
  const selected = rows.find((c) => c.id === selectedId) ?? null;
  // Expanded nodes: all parents at first; a parent that gets its first child is opened too.
  const parents = useMemo(() => [...new Set(rows.map((c) => c.parentId).filter((p): p is string => p !== null))], [rows]);
  const [expanded, setExpanded] = useState<string[] | null>(null);
  const treeRef = useRef<{ scrollTo: (o: { key: string; align?: 'top' | 'bottom' | 'auto' }) => void } | null>(null);
  const [scrollTo, setScrollTo] = useState<string | null>(null);
  useEffect(() => {
    if (scrollTo && rows.some((c) => c.id === scrollTo)) {
      treeRef.current?.scrollTo({ key: scrollTo, align: 'auto' });
      setScrollTo(null);
    }
  }, [rows, scrollTo]);
  function created(id: string, parentId: string | null) {
    if (parentId) setExpanded((e) => [...new Set([...(e ?? parents), parentId])]);
    setSelectedId(id);
    setScrollTo(id);
  }
  return (
    <Row gutter={16}>
      <Col xs={24} xl={12}>
        <Card title={t('categories.title')}>
          <Typography.Paragraph type="secondary">{t('categories.note')}</Typography.Paragraph>
          <Input.Search
            placeholder={t('categories.search')}
            onChange={(e) => setSearch(e.target.value.trim())}
            style={{ marginBottom: 8, maxWidth: 360 }}
            allowClear
          />
          {rows.length > 0 && (
            <Tree
              ref={treeRef as never}
              treeData={tree}
              expandedKeys={expanded ?? parents}
              onExpand={(keys) => setExpanded(keys as string[])}
              height={640}
              data-testid="categories-tree"
              selectedKeys={selectedId ? [selectedId] : []}
              onSelect={(k) => setSelectedId((k[0] as string) ?? null)}
              titleRender={(n) => {
                const title = n.title as string;
                const category = rows.find((c) => c.id === n.key);
                const hit = search && category && categoryMatches(category, search);
                return (
                  <span style={{ color: inactive.has(n.key) ? '#999' : undefined, background: hit ? '#ffe58f' : undefined }}>
                    {title}
                  </span>
                );
              }}
            />
          )}
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        {selected ? (
          <CategoryPanel key={selected.id} category={selected} />
        ) : (
          <Card>
            <Empty description={t('categories.none')} />
          </Card>
        )}
        <NewCategoryCard parent={selected} onCreated={created} />
      </Col>
    </Row>
  );
}

function useSubmit() {
  const write = useWrite();
  return async (run: () => Promise<unknown>, done: string) =>
    (await write(run, { success: done, invalidate: [keys.categories] })).ok;
}

function CategoryPanel({ category }: { category: CategoryNode }) {
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

function NewCategoryCard({
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
