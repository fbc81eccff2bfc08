import { Button } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { FormNotice } from '@/components/form-notice';

export interface FormSubmitProps {
  /** Why the form was refused; nothing shows while it is empty. */
  failure: string;
  failureTestId: string;
  busy: boolean;
  label: string;
  onSubmit: () => void;
  /** The page's own class for the buttons' block. */
  className: string;
  /** Other buttons under the main one (微信一键登录). */
  children?: ReactNode;
}

/** The end of a sign-in form: why it was refused, then its main button (busy while it asks) and any other. */
export function FormSubmit({ failure, failureTestId, busy, label, onSubmit, className, children }: FormSubmitProps) {
  return (
    <>
      {failure && (
        <FormNotice tone='error' testId={failureTestId}>
          {failure}
        </FormNotice>
      )}
      <View className={className}>
        <Button type='primary' size='large' block loading={busy} disabled={busy} onClick={onSubmit}>
          {label}
        </Button>
        {children}
      </View>
    </>
  );
}
