import { ActionSheet } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import type { FormFieldProps } from '@/components/form-field';
import { choicePlaceholder } from '@/utils/field-text';
import { PickerField } from '../picker-field';

export interface SheetOption<T extends string> {
  value: T;
  label: string;
}

export interface OptionSheetFieldProps<T extends string> extends Omit<FormFieldProps, 'children'> {
  options: readonly SheetOption<T>[];
  value: T | '';
  onChange: (value: T) => void;
  placeholder?: string;
}

/** One choice out of a list too long for chips (vehicle types, material categories). */
export function OptionSheetField<T extends string>({
  options,
  value,
  onChange,
  placeholder,
  ...field
}: OptionSheetFieldProps<T>) {
  const [open, setOpen] = useState(false);
  const selected = options.find((option) => option.value === value);

  return (
    <PickerField
      {...field}
      text={selected?.label}
      placeholder={placeholder ?? choicePlaceholder(field.label)}
      onOpen={() => setOpen(true)}
    >
      <ActionSheet
        visible={open}
        title={`选择${field.label}`}
        options={options.map((option) => ({ name: option.label, value: option.value }))}
        cancelText='取消'
        onCancel={() => setOpen(false)}
        onClose={() => setOpen(false)}
        onSelect={(item) => {
          onChange(item.value as T);
          setOpen(false);
        }}
      />
    </PickerField>
  );
}
