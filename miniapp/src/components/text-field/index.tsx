import { Input, type InputProps } from '@tarojs/components';
import { FormField, type FormFieldProps } from '../form-field';
import './index.scss';

export interface TextFieldProps extends Omit<FormFieldProps, 'children'> {
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  placeholder?: string;
  /** `idcard` and `number` bring up the matching keyboard in WeChat. */
  type?: InputProps['type'];
  password?: boolean;
  maxlength?: number;
  /** Applied as the user types, e.g. upper-casing a code. */
  normalise?: (value: string) => string;
}

export function TextField({
  value,
  onChange,
  onBlur,
  placeholder,
  type = 'text',
  password,
  maxlength = 140,
  normalise,
  ...field
}: TextFieldProps) {
  return (
    <FormField {...field}>
      <Input
        className='text-field__input'
        value={value}
        type={type}
        password={password}
        maxlength={maxlength}
        placeholder={placeholder ?? `请输入${field.label}`}
        placeholderClass='text-field__placeholder'
        onInput={(event) => {
          const next = normalise ? normalise(event.detail.value) : event.detail.value;
          onChange(next);
          return next;
        }}
        onBlur={() => onBlur?.()}
      />
    </FormField>
  );
}
