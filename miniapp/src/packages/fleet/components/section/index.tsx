import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';

/** One titled card of a form or a detail page. */
export function Section({ title, extra, children }: { title: string; extra?: ReactNode; children: ReactNode }) {
  return (
    <View className='card'>
      <View className='card__header'>
        <Text className='card__title'>{title}</Text>
        {extra}
      </View>
      {children}
    </View>
  );
}
