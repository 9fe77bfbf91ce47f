import { useEffect, useState } from 'react';
import { Button, Divider, InputNumber, Space, Typography } from 'antd';
import { useT } from '../../shared/i18n';
import { useWrite } from '../api/mutation';
import { useCategories } from '../api/queries';
import type { CategoryNode } from '../api/types';
import { radiusKey, setCategoryRadius, setDefaultRadius, useDuplicateRadii } from './duplicate-radius-api';
import { duplicateRadiusMessages } from './duplicate-radius.messages';

const MIN = 10;
const MAX = 5000;

/**
 * 查重距离 (issue 18, ADR 0204) on the category panel: the category's own radius, or what it inherits
 * (the nearest ancestor with one, else the centre's default) — and the centre's default itself. The
 * server keeps 10–5000 m and answers a 400 naming `radiusMetres` beyond it.
 */
export function DuplicateRadiusForm({ category }: { category: CategoryNode }) {
  const t = useT(duplicateRadiusMessages);
  const write = useWrite();
  const radii = useDuplicateRadii().data;
  const categories = useCategories().data?.items ?? [];
  const own = radii?.categories.find((c) => c.categoryId === category.id)?.radiusMetres ?? null;
  const [value, setValue] = useState<number | null>(own);
  const [centre, setCentre] = useState<number | null>(radii?.defaultRadiusMetres ?? null);
  useEffect(() => setValue(own), [own, category.id]);
  useEffect(() => setCentre(radii?.defaultRadiusMetres ?? null), [radii?.defaultRadiusMetres]);
  if (!radii) return null;

  // What the category would use without its own: the nearest ancestor's, else the centre's.
  const byId = new Map(categories.map((c) => [c.id, c]));
  let inherited = { metres: radii.defaultRadiusMetres, from: t('fromCentre') };
  for (
    let p = category.parentId ? byId.get(category.parentId) : undefined;
    p;
    p = p.parentId ? byId.get(p.parentId) : undefined
  ) {
    const r = radii.categories.find((c) => c.categoryId === p!.id);
    if (r) {
      inherited = { metres: r.radiusMetres, from: p.name };
      break;
    }
  }
  const save = (run: () => Promise<unknown>) => write(run, { success: t('saved'), invalidate: [radiusKey] });

  return (
    <div data-testid="duplicate-radius">
      <Divider titlePlacement="start" plain>
        {t('title')}
      </Divider>
      <Typography.Paragraph type="secondary">{t('note')}</Typography.Paragraph>
      {own === null && (
        <Typography.Paragraph data-testid="duplicate-radius-inherited">{t('inherits', inherited)}</Typography.Paragraph>
      )}
      <Space wrap>
        <span>{t('own')}</span>
        <InputNumber<number>
          min={MIN}
          max={MAX}
          step={50}
          precision={0}
          value={value}
          onChange={setValue}
          addonAfter={t('metres')}
          placeholder={String(inherited.metres)}
          data-testid="duplicate-radius-own"
        />
        <Button
          type="primary"
          disabled={value === null || value === own}
          onClick={() => void save(() => setCategoryRadius(category.id, value))}
          data-testid="duplicate-radius-save"
        >
          {t('save')}
        </Button>
        {own !== null && (
          <Button onClick={() => void save(() => setCategoryRadius(category.id, null))} data-testid="duplicate-radius-inherit">
            {t('inherit')}
          </Button>
        )}
      </Space>
      <div style={{ marginTop: 8 }}>
        <Space wrap>
          <span>{t('centre')}</span>
          <InputNumber<number>
            min={MIN}
            max={MAX}
            step={50}
            precision={0}
            value={centre}
            onChange={setCentre}
            addonAfter={t('metres')}
            data-testid="duplicate-radius-centre"
          />
          <Button
            disabled={centre === null || centre === radii.defaultRadiusMetres}
            onClick={() => void save(() => setDefaultRadius(centre!))}
            data-testid="duplicate-radius-centre-save"
          >
            {t('centreSave')}
          </Button>
        </Space>
      </div>
    </div>
  );
}
