import { useMemo } from 'react';
import { TreeSelect } from 'antd';
import { useCategories, useRegions, useUnits } from '../api/queries';
import { useMyDispatchArea } from './use-dispatch-area';
import { categoryMatches, normaliseCategoryText, receivesDispatch, type UnitKind } from '../../shared/contract';
import { buildTree, selectableOnly, withSearchText } from './tree';
import { useKeyboardPicker } from './keyboard-picker';

interface PickerProps<V> {
  value?: V;
  onChange?: (value: V) => void;
  placeholder?: string;
  testId?: string;
  autoFocus?: boolean;
  disabled?: boolean;
}

const searchProps = { showSearch: true, treeNodeFilterProp: 'title', allowClear: true, style: { width: '100%' } } as const;

/**
 * Unit tree: only active units that can handle work are in it (not the centre itself), so the first
 * match is choosable. `dispatchable`: only units an order may be dispatched to (no village committees,
 * ADR 0116), for the dispatch pickers. `inMyArea`: only units the signed-in dispatcher may dispatch to
 * (a sub-centre's banner/county and league-wide units, ADR 0153/0192); the league's staff keep the tree.
 */
function useUnitTree(dispatchable = false, inMyArea = false) {
  const units = useUnits();
  const area = useMyDispatchArea(inMyArea);
  const tree = useMemo(() => {
    if (area.loading) return []; // never offer a unit the area will take away
    const allowed = area.allowed;
    return selectableOnly(
      buildTree(
        units.data?.items ?? [],
        (u) =>
          !u.active ||
          u.kind === 'centre' ||
          (dispatchable && !receivesDispatch(u.kind as UnitKind)) ||
          (allowed !== null && !allowed.has(u.id)),
      ),
    );
  }, [units.data, area.allowed, area.loading, dispatchable]);
  return { units, tree, loading: units.isLoading || area.loading };
}

type UnitPickerProps<V> = PickerProps<V> & { dispatchable?: boolean; inMyArea?: boolean };

export function UnitPicker(props: UnitPickerProps<string> & { multiple?: false }) {
  const { tree, loading } = useUnitTree(props.dispatchable, props.inMyArea);
  const keyboard = useKeyboardPicker(false, props.onChange);
  return (
    <TreeSelect
      {...searchProps}
      {...keyboard}
      treeData={tree}
      value={props.value}
      placeholder={props.placeholder}
      loading={loading}
      data-testid={props.testId}
      autoFocus={props.autoFocus}
      treeDefaultExpandedKeys={tree.map((n) => n.key)}
      listHeight={400}
    />
  );
}

export function UnitMultiPicker(props: UnitPickerProps<string[]>) {
  const { tree } = useUnitTree(props.dispatchable, props.inMyArea);
  const keyboard = useKeyboardPicker(true, props.onChange);
  return (
    <TreeSelect
      {...searchProps}
      {...keyboard}
      multiple
      treeData={tree}
      value={props.value}
      placeholder={props.placeholder}
      data-testid={props.testId}
      treeDefaultExpandedKeys={tree.map((n) => n.key)}
      listHeight={400}
    />
  );
}

export function CategoryPicker(props: PickerProps<string>) {
  const categories = useCategories();
  const byId = useMemo(() => new Map((categories.data?.items ?? []).map((c) => [c.id, c])), [categories.data]);
  // The select highlights its first match by `treeNodeFilterProp`, not by filterTreeNode: the aliases
  // must be in that text too, or 供暖 + Enter would find 供热 but choose nothing.
  const tree = useMemo(
    () =>
      withSearchText(
        buildTree(categories.data?.items ?? [], (c) => !c.active),
        (id) => {
          const c = byId.get(id);
          return c ? [c.name, ...(c.aliases ?? [])].map(normaliseCategoryText).join('|') : '';
        },
      ),
    [categories.data, byId],
  );
  const keyboard = useKeyboardPicker(false, props.onChange);
  return (
    <TreeSelect
      {...searchProps}
      {...keyboard}
      treeNodeFilterProp="searchText"
      treeData={tree}
      // 供暖 and 暖气 find 供热: a category is found by its name or one of its aliases (ADR 0085)
      filterTreeNode={(input, node) => {
        const category = byId.get(node.value as string);
        return category ? categoryMatches(category, input) : false;
      }}
      value={props.value}
      placeholder={props.placeholder}
      disabled={props.disabled}
      loading={categories.isLoading}
      data-testid={props.testId}
      listHeight={400}
    />
  );
}

export function RegionPicker(props: PickerProps<string>) {
  const regions = useRegions();
  const tree = useMemo(() => buildTree(regions.data?.items ?? []), [regions.data]);
  const keyboard = useKeyboardPicker(false, props.onChange);
  return (
    <TreeSelect
      {...searchProps}
      {...keyboard}
      treeData={tree}
      value={props.value}
      placeholder={props.placeholder}
      disabled={props.disabled}
      data-testid={props.testId}
      listHeight={300}
    />
  );
}
