import { useMemo, useState } from 'react';
import { categoryMatches } from '../shared/contract';
import { useT } from '../shared/i18n';
import type { PortalInfo } from './portal-api';
import { portalMessages } from './portal.messages';
import { Field } from './ui';

type Category = PortalInfo['categories'][number];

/** Categories in tree order, each indented by its depth, for a native select a phone shows well. */
function categoryOptions(categories: Category[]) {
  const children = new Map<string | null, Category[]>();
  for (const c of categories) children.set(c.parentId, [...(children.get(c.parentId) ?? []), c]);
  const out: { id: string; label: string; category: Category }[] = [];
  const walk = (parent: string | null, depth: number) => {
    for (const c of children.get(parent) ?? []) {
      out.push({ id: c.id, label: `${'\u3000'.repeat(depth)}${c.name}`, category: c });
      walk(c.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

/** The optional category: a search box narrowing a plain select, the chosen one always kept in the list. */
export function CategoryPicker(props: {
  categories: Category[] | undefined;
  value: string;
  onChange: (id: string) => void;
  error?: string | null;
}) {
  const t = useT(portalMessages);
  const allCategories = useMemo(() => categoryOptions(props.categories ?? []), [props.categories]);
  const [query, setQuery] = useState('');
  // 暖气 finds 供热: the portal narrows its plain list with the same alias matcher as intake (ADR 0085)
  const shown = allCategories.filter((c) => c.id === props.value || categoryMatches(c.category, query));
  return (
    <Field label={t('category')} error={props.error}>
      {(a) => (
        <>
          <input
            className="p-input"
            type="search"
            value={query}
            placeholder={t('categorySearch')}
            aria-label={t('categorySearch')}
            onChange={(e) => setQuery(e.target.value)}
            data-testid="portal-category-search"
          />
          <select
            className="p-input"
            id={a.id}
            value={props.value}
            onChange={(e) => props.onChange(e.target.value)}
            data-testid="portal-category"
          >
            <option value="">{t('categoryPlaceholder')}</option>
            {shown.map((c) => (
              <option key={c.id} value={c.id}>
                {c.label}
              </option>
            ))}
          </select>
        </>
      )}
    </Field>
  );
}
