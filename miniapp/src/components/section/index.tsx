import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';

/** One titled card of a page. */
export function Section({
  title,
  extra,
  testId,
  children,
}: {
  title: string;
  extra?: ReactNode;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <View className='card' data-testid={testId}>
      <View className='card__header'>
        <Text className='card__title'>{title}</Text>
        {extra}
      </View>
      {children}
    </View>
  );
}
