import { Select } from 'antd';
import { useKeyboardPicker } from '../common/keyboard-picker';

export interface KeyboardSelectOption {
  value: string;
  label: string;
}

/**
 * A plain list picker that behaves like the intake's tree pickers (common/keyboard-picker.ts): typing
 * filters, Enter chooses, closes and moves on; Enter on a closed list moves on.
 */
export function KeyboardSelect(props: {
  value?: string;
  onChange?: (value: string) => void;
  options: KeyboardSelectOption[];
  testId: string;
  loading?: boolean;
  allowClear?: boolean;
  placeholder?: string;
}) {
  const keyboard = useKeyboardPicker<string>(false, props.onChange);
  return (
    <Select
      {...keyboard}
      showSearch
      optionFilterProp="label"
      allowClear={props.allowClear}
      value={props.value}
      options={props.options}
      loading={props.loading}
      placeholder={props.placeholder}
      data-testid={props.testId}
      style={{ width: '100%' }}
    />
  );
}
