import { formatPlate } from '@pass/shared';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ReactNode } from 'react';
import './index.scss';

export interface PlateCardProps {
  /** The page's BEM block: the card uses `<block>__item`, `__top` and `__plate`. */
  block: string;
  testId: string;
  /** Opened when the card is tapped. */
  url: string;
  plate: string;
  /** Shown opposite the plate (a status tag, a number). */
  tag: ReactNode;
  children: ReactNode;
  actions?: ReactNode;
}

/**
 * A list item about one vehicle: its plate and a tag on top, the details below; tapping opens it.
 * `actions` (buttons of their own) sit below, outside the part that opens it (controls are not nested).
 */
export function PlateCard({ block, testId, url, plate, tag, actions, children }: PlateCardProps) {
  return (
    <View className={`${block}__item`} data-testid={testId}>
      <View className='plate-card__open' role='button' aria-role='button' onClick={() => Taro.navigateTo({ url })}>
        <View className={`${block}__top`}>
          <Text className={`${block}__plate`}>{formatPlate(plate)}</Text>
          {tag}
        </View>
        {children}
      </View>
      {actions}
    </View>
  );
}
