import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import './index.scss';

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <View className='empty-state'>
      <Text className='empty-state__title'>{title}</Text>
      {children}
    </View>
  );
}
