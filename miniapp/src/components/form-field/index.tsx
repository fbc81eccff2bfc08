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

/** A label, the control, and the message that says what to fix. */
export function FormField({ label, required, error, hint, testId, flagged, bare, children }: FormFieldProps) {
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
      {error ? (
        <Text className='form-field__error' data-testid={testId ? `${testId}-error` : undefined}>
          {error}
        </Text>
      ) : (
        hint && <Text className='form-field__hint'>{hint}</Text>
      )}
    </View>
  );
}
