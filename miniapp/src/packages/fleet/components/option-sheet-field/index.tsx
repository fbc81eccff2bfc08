import { ActionSheet } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { FormField, type FormFieldProps } from '@/components/form-field';
import { choicePlaceholder } from '@/utils/labels';
import '../region-field/index.scss';

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
    <FormField {...field}>
      <View className='region-field' onClick={() => setOpen(true)} data-testid={field.testId && `${field.testId}-open`}>
        <Text className={selected ? 'region-field__value' : 'region-field__placeholder'}>
          {selected?.label ?? placeholder ?? choicePlaceholder(field.label)}
        </Text>
        <Text className='region-field__arrow'>›</Text>
      </View>
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
    </FormField>
  );
}
