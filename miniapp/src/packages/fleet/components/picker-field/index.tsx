import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { FormField, type FormFieldProps } from '@/components/form-field';
import './index.scss';

export interface PickerFieldProps extends Omit<FormFieldProps, 'children'> {
  /** What is chosen, or undefined to show the placeholder. */
  text: string | undefined;
  placeholder: string;
  onOpen: () => void;
  /** The sheet or cascader that opens. */
  children: ReactNode;
}

/** A labelled line that shows the choice and opens a picker (`<testId>-open`) when tapped. */
export function PickerField({ text, placeholder, onOpen, children, ...field }: PickerFieldProps) {
  return (
    <FormField {...field}>
      <View
        className='picker-field'
        role='button'
        aria-role='button'
        aria-label={`${field.label}：${text ?? placeholder ?? '请选择'}`}
        onClick={onOpen}
        data-testid={field.testId && `${field.testId}-open`}
      >
        <Text className={text === undefined ? 'picker-field__placeholder' : 'picker-field__value'}>
          {text ?? placeholder}
        </Text>
        <Text className='picker-field__arrow'>›</Text>
      </View>
      {children}
    </FormField>
  );
}
