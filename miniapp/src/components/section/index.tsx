import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { FlagTag } from '../form-field';

/** One titled card of a page. */
export function Section({
  title,
  extra,
  testId,
  flagged,
  children,
}: {
  title: string;
  extra?: ReactNode;
  testId?: string;
  /** A reviewer asked for what the card holds (a party, the documents) to be corrected. */
  flagged?: boolean;
  children: ReactNode;
}) {
  return (
    <View className='card' data-testid={testId}>
      <View className='card__header'>
        <Text className='card__title'>{title}</Text>
        {flagged && <FlagTag />}
        {extra}
      </View>
      {children}
    </View>
  );
}
