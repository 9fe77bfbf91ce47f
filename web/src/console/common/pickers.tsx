import { useMemo } from 'react';
import { TreeSelect } from 'antd';
import { useCategories, useRegions, useUnits } from '../api/queries';
import { categoryMatches, normaliseCategoryText } from '../../shared/contract';
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

/** Unit tree: only active units that can handle work are in it (not the centre itself), so the first match is choosable. */
function useUnitTree() {
  const units = useUnits();
  const tree = useMemo(
    () => selectableOnly(buildTree(units.data?.items ?? [], (u) => !u.active || u.kind === 'centre')),
    [units.data],
  );
  return { units, tree };
}

export function UnitPicker(props: PickerProps<string> & { multiple?: false }) {
  const { units, tree } = useUnitTree();
  const keyboard = useKeyboardPicker(false, props.onChange);
  return (
    <TreeSelect
      {...searchProps}
      {...keyboard}
      treeData={tree}
      value={props.value}
      placeholder={props.placeholder}
      loading={units.isLoading}
      data-testid={props.testId}
      autoFocus={props.autoFocus}
      treeDefaultExpandedKeys={tree.map((n) => n.key)}
      listHeight={400}
    />
  );
}

export function UnitMultiPicker(props: PickerProps<string[]>) {
  const { tree } = useUnitTree();
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
