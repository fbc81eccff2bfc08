import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import './index.scss';

export interface FormFieldProps {
  label: string;
  required?: boolean;
  /** The Chinese sentence from the shared validators, shown under the field. */
  error?: string;
  hint?: string;
  /** Marks the field for tests and for the server's `details` paths. */
  testId?: string;
  /** Highlighted because a reviewer asked for it to be corrected. */
  flagged?: boolean;
  /** For controls that draw their own frame (chips, lists). */
  bare?: boolean;
  /** Text with a limit: `12/200` under the box, red once over. */
  counter?: { length: number; max: number };
  children: ReactNode;
}

/** 需修改: a reviewer asked for this to be corrected (forms, detail rows, sections). */
export function FlagTag() {
  return (
    <Text className='form-field__flag' data-testid='flag'>
      需修改
    </Text>
  );
}

/** `12/200` under a text with a limit, red once over: the text is refused then, never cut. */
export function LengthCounter({ length, max, testId }: { length: number; max: number; testId?: string }) {
  return (
    <Text className={`form-field__counter ${length > max ? 'form-field__counter--over' : ''}`} data-testid={testId}>
      {length}/{max}
    </Text>
  );
}

/** A label, the control, and the message that says what to fix. */
export function FormField({ label, required, error, hint, testId, flagged, bare, counter, children }: FormFieldProps) {
  const className = ['form-field', error ? 'form-field--invalid' : '', flagged ? 'form-field--flagged' : '']
    .filter(Boolean)
    .join(' ');
  return (
    <View className={className} data-testid={testId}>
      <View className='form-field__label'>
        <Text>{label}</Text>
        {required && <Text className='form-field__required'>*</Text>}
        {flagged && <FlagTag />}
      </View>
      <View className={bare ? 'form-field__control form-field__control--bare' : 'form-field__control'}>{children}</View>
      {(error || hint || counter) && (
        <View className='form-field__footer'>
          {error ? (
            <Text className='form-field__error' data-testid={testId ? `${testId}-error` : undefined}>
              {error}
            </Text>
          ) : (
            <Text className='form-field__hint'>{hint ?? ''}</Text>
          )}
          {counter && <LengthCounter {...counter} testId={testId ? `${testId}-counter` : undefined} />}
        </View>
      )}
    </View>
  );
}
