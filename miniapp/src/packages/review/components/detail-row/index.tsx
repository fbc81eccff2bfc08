import { Text, View } from '@tarojs/components';
import './index.scss';

/** A label and its value, one line of a detail card. */
export function Row({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <View className='detail-row' data-testid={testId}>
      <Text className='detail-row__label'>{label}</Text>
      <Text className='detail-row__value'>{value}</Text>
    </View>
  );
}
