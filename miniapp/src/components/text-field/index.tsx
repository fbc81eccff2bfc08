import { Input, type InputProps, Textarea, View } from '@tarojs/components';
import { inputPlaceholder, overLimitMessage } from '@/utils/field-text';
import { FormField, type FormFieldProps } from '../form-field';
import './index.scss';

export interface TextFieldProps extends Omit<FormFieldProps, 'children' | 'counter'> {
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  placeholder?: string;
  /** `idcard` and `number` bring up the matching keyboard in WeChat. */
  type?: InputProps['type'];
  password?: boolean;
  /**
   * The most characters the field takes. Shown as a counter; longer text is refused with a message,
   * never cut (the box itself takes any length, so a paste is not silently shortened).
   */
  maxlength?: number;
  /** Fixed-format presets (dates, codes) show no counter; the over-limit message still applies. */
  counter?: boolean;
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
  maxlength,
  counter = !password,
  normalise,
  ...field
}: TextFieldProps) {
  const over = maxlength === undefined ? undefined : overLimitMessage(value.length, maxlength);
  return (
    <FormField
      {...field}
      error={field.error ?? over}
      counter={counter && maxlength !== undefined ? { length: value.length, max: maxlength } : undefined}
    >
      <Input
        className='text-field__input'
        value={value}
        type={type}
        password={password}
        // -1: no limit in WeChat (its default, 140, cuts silently) and none in the browser.
        maxlength={-1}
        placeholder={placeholder ?? inputPlaceholder(field.label)}
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

export type PresetFieldProps = Omit<TextFieldProps, 'type' | 'maxlength' | 'placeholder'>;

/** A date typed as YYYY-MM-DD (filters, holidays, suspensions). */
export function DateField(props: PresetFieldProps) {
  return <TextField {...props} placeholder='YYYY-MM-DD' maxlength={10} counter={false} />;
}

/** A password box; 64 characters unless the field says otherwise. */
export function PasswordField(props: Omit<TextFieldProps, 'password'>) {
  return <TextField maxlength={64} {...props} password />;
}

/**
 * A box to paste a whole document or many lines into (a CSV batch, another province's signed file): no
 * length limit, no counter; the schema checks what is sent.
 */
export function PasteBox({
  testId,
  value,
  onChange,
  placeholder,
  minHeight,
}: {
  testId: string;
  value: string;
  onChange: (value: string) => void;
  placeholder: string;
  minHeight: string;
}) {
  return (
    <View data-testid={testId}>
      <Textarea
        className='text-field__input'
        style={{ width: '100%', minHeight }}
        value={value}
        maxlength={-1}
        placeholder={placeholder}
        onInput={(event) => onChange(event.detail.value)}
      />
    </View>
  );
}
