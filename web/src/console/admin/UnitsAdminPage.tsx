import { useWrite } from '../api/mutation';
import { createUnit, updateUnit } from './admin-api';
import { useMemo, useState } from 'react';
import { Button, Card, Col, Descriptions, Empty, Form, Input, Row, Select, Space, Tag, Tree } from 'antd';
import { useT } from '../../shared/i18n';
import { keys, useUnits } from '../api/queries';
import type { UnitNode } from '../api/types';
import { buildTree } from '../common/tree';
import { adminMessages, UNIT_KINDS } from './admin.messages';
import { shellMessages } from '../shell/shell.messages';

/** The unit tree: browse, search, add a sub-unit, rename, deactivate or reactivate a unit. */
export function UnitsAdminPage() {
  const t = useT(adminMessages);
  const units = useUnits();
  const [search, setSearch] = useState('');
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const rows = units.data?.items ?? [];
  const tree = useMemo(() => {
    const term = search.trim();
    if (!term) return buildTree(rows);
    // Keep matches and their ancestors so the tree still reads as a tree.
    const byId = new Map(rows.map((u) => [u.id, u]));
    const keep = new Set<string>();
    for (const u of rows) {
      if (!u.name.includes(term)) continue;
      for (let c: UnitNode | undefined = u; c && !keep.has(c.id); c = c.parentId ? byId.get(c.parentId) : undefined)
        keep.add(c.id);
    }
    return buildTree(rows.filter((u) => keep.has(u.id)));
  }, [rows, search]);
  const selected = rows.find((u) => u.id === selectedId) ?? null;
  return (
    <Row gutter={16}>
      <Col xs={24} xl={12}>
        <Card title={t('units.title')}>
          <Input.Search
            placeholder={t('units.search')}
            onChange={(e) => setSearch(e.target.value)}
            style={{ marginBottom: 8 }}
            allowClear
          />
          <Tree
            treeData={tree}
            height={600}
            defaultExpandAll={false}
            expandedKeys={
              search
                ? tree.flatMap(function walk(n): string[] {
                    return [n.key, ...(n.children ?? []).flatMap(walk)];
                  })
                : undefined
            }
            selectedKeys={selectedId ? [selectedId] : []}
            onSelect={(k) => setSelectedId((k[0] as string) ?? null)}
            titleRender={(n) => {
              const u = rows.find((x) => x.id === n.key);
              return <span style={{ color: u && !u.active ? '#999' : undefined }}>{n.title as string}</span>;
            }}
            data-testid="units-tree"
          />
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        {selected ? (
          <UnitPanel unit={selected} />
        ) : (
          <Card>
            <Empty description={t('units.none')} />
          </Card>
        )}
      </Col>
    </Row>
  );
}

function UnitPanel({ unit }: { unit: UnitNode }) {
  const t = useT(adminMessages);
  const s = useT(shellMessages);
  const write = useWrite();
  const [form] = Form.useForm();
  const invalidate = [keys.units];
  const setActive = (active: boolean) => write(() => updateUnit(unit.id, { active }), { success: s('common.done'), invalidate });
  async function addChild(values: { name: string; code: string; kind: string }) {
    const done = await write(() => createUnit({ ...values, parentId: unit.id }), {
      success: t('units.created', { name: values.name }),
      invalidate,
    });
    if (done.ok) form.resetFields();
  }
  return (
    <Card title={unit.name} data-testid="unit-panel">
      <Descriptions
        column={1}
        size="small"
        bordered
        items={[
          { key: 'code', label: t('units.code'), children: unit.code },
          { key: 'kind', label: t('units.kind'), children: t(`kind.${unit.kind}` as never) },
          {
            key: 'active',
            label: t('units.active'),
            children: (
              <Tag color={unit.active ? 'green' : 'default'}>{unit.active ? t('units.activeYes') : t('units.activeNo')}</Tag>
            ),
          },
        ]}
      />
      <Form
        key={unit.id}
        layout="inline"
        style={{ marginTop: 12 }}
        initialValues={{ name: unit.name }}
        onFinish={(v: { name: string }) =>
          write(() => updateUnit(unit.id, { name: v.name }), { success: s('common.done'), invalidate })
        }
      >
        <Form.Item name="name" rules={[{ required: true, whitespace: true, max: 100 }]}>
          <Input data-testid="unit-rename" style={{ width: 260 }} />
        </Form.Item>
        <Button htmlType="submit" data-testid="unit-rename-submit">
          {t('common.rename')}
        </Button>
      </Form>
      {unit.kind !== 'centre' && (
        <Button style={{ marginTop: 12 }} danger={unit.active} onClick={() => setActive(!unit.active)} data-testid="unit-toggle">
          {unit.active ? t('units.deactivate') : t('units.activate')}
        </Button>
      )}
      <Card title={t('units.addChild')} size="small" style={{ marginTop: 16 }}>
        <Form form={form} layout="vertical" onFinish={addChild}>
          <Form.Item name="name" label={t('units.name')} rules={[{ required: true, max: 100 }]}>
            <Input data-testid="unit-new-name" />
          </Form.Item>
          <Space>
            <Form.Item name="code" label={t('units.code')} rules={[{ required: true, pattern: /^[A-Za-z0-9_-]{1,40}$/ }]}>
              <Input data-testid="unit-new-code" />
            </Form.Item>
            <Form.Item name="kind" label={t('units.kind')} rules={[{ required: true }]} initialValue="other">
              <Select style={{ width: 200 }} options={UNIT_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))} />
            </Form.Item>
          </Space>
          <Button type="primary" htmlType="submit" data-testid="unit-new-submit">
            {s('common.save')}
          </Button>
        </Form>
      </Card>
    </Card>
  );
}
