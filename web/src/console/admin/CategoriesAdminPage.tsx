import { useEffect, useMemo, useRef, useState } from 'react';
import { Card, Col, Empty, Input, Row, Tree, Typography } from 'antd';
import { categoryMatches } from '../../shared/contract';
import { useT } from '../../shared/i18n';
import { useCategories } from '../api/queries';
import { buildTree } from '../common/tree';
import { adminMessages } from './admin.messages';
import { CategoryPanel } from './CategoryPanel';
import { NewCategoryCard } from './NewCategoryCard';

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
