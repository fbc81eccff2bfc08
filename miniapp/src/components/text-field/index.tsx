import { regionFullName } from '@pass/shared';
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

type PresetFieldProps = Omit<TextFieldProps, 'type' | 'maxlength' | 'placeholder'>;

/** A date typed as YYYY-MM-DD (filters, holidays, suspensions). */
export function DateField(props: PresetFieldProps) {
  return <TextField {...props} placeholder='YYYY-MM-DD' maxlength={10} />;
}

/** A six-digit region code; once complete, the hint names the region it stands for. */
export function RegionCodeField({ hint = '6位代码，如 320115（江宁区）', ...props }: PresetFieldProps) {
  const name = props.value.length === 6 ? regionFullName(props.value) : undefined;
  return <TextField {...props} type='number' hint={name ?? hint} maxlength={6} />;
}

/** A password box; 64 characters unless the field says otherwise. */
export function PasswordField(props: Omit<TextFieldProps, 'password'>) {
  return <TextField maxlength={64} {...props} password />;
}
