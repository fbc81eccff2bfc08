import { Text, View } from '@tarojs/components';
import { FormField, type FormFieldProps } from '../form-field';
import './index.scss';

export interface Choice<T extends string> {
  value: T;
  label: string;
}

/** The choices of a label table (`blacklistKindNames`, …), in its order: each key with its label. */
export const choicesOf = <T extends string>(names: Record<T, string>): Choice<T>[] =>
  (Object.keys(names) as T[]).map((value) => ({ value, label: names[value] }));

export interface ChoiceChipsProps<T extends string> {
  choices: readonly Choice<T>[];
  value: T | undefined;
  onChange: (value: T) => void;
  testId?: string;
}

/** A handful of exclusive choices as large tap targets: faster than a picker on a phone. */
export function ChoiceChips<T extends string>({ choices, value, onChange, testId }: ChoiceChipsProps<T>) {
  return (
    <View className='choice-chips' role='radiogroup' aria-role='radiogroup' data-testid={testId}>
      {choices.map((choice) => (
        <View
          key={choice.value}
          className={`choice-chips__chip ${choice.value === value ? 'choice-chips__chip--selected' : ''}`}
          onClick={() => onChange(choice.value)}
          aria-checked={choice.value === value}
          role='radio'
          aria-role='radio'
        >
          <Text>{choice.label}</Text>
        </View>
      ))}
    </View>
  );
}

export interface ChoiceFieldProps<T extends string> extends Omit<FormFieldProps, 'children' | 'bare'> {
  choices: readonly Choice<T>[];
  /** '' (nothing chosen yet, as a form holds it) selects no chip. */
  value: NoInfer<T> | '' | undefined;
  onChange: (value: T) => void;
}

/** A labelled row of choice chips with its message: `<ChoiceField label='单位' choices={…} {...bind('unit')} />`. */
export function ChoiceField<T extends string>({ choices, value, onChange, ...field }: ChoiceFieldProps<T>) {
  return (
    <FormField {...field} bare>
      <ChoiceChips choices={choices} value={value || undefined} onChange={onChange} />
    </FormField>
  );
}
