import { Text, View } from '@tarojs/components';
import './index.scss';

/** A form's answer under its fields: why it was refused (`error`), or what happened (`info`). */
export function FormNotice({ tone, testId, children }: { tone: 'error' | 'info'; testId: string; children: string }) {
  return (
    <View className={`form-notice form-notice--${tone}`} data-testid={testId}>
      <Text>{children}</Text>
    </View>
  );
}
