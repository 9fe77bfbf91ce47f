import { useMemo, useState } from 'react';
import { Card, Input, Tree, Typography } from 'antd';
import { useT } from '../../shared/i18n';
import { useCategories } from '../api/queries';
import { buildTree } from '../common/tree';
import { adminMessages } from '../messages/admin';

/** The category tree as the intake screen uses it, searchable; inactive categories greyed. */
export function CategoriesAdminPage() {
  const t = useT(adminMessages);
  const categories = useCategories();
  const [search, setSearch] = useState('');
  const rows = categories.data?.items ?? [];
  const inactive = useMemo(() => new Set(rows.filter((c) => !c.active).map((c) => c.id)), [rows]);
  const tree = useMemo(() => buildTree(rows), [rows]);
  return (
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
          treeData={tree}
          defaultExpandAll
          height={640}
          data-testid="categories-tree"
          titleRender={(n) => {
            const title = n.title as string;
            const hit = search && title.includes(search);
            return (
              <span style={{ color: inactive.has(n.key) ? '#999' : undefined, background: hit ? '#ffe58f' : undefined }}>
                {title}
              </span>
            );
          }}
        />
      )}
    </Card>
  );
}
