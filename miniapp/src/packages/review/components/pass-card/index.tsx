import type { PassView } from '@pass/shared';
import { Text, View } from '@tarojs/components';
import { PassStatusTag } from '@/components/status-tag';
import { place, plateText } from '@/utils/labels';
import './index.scss';

/** One issued pass in a list. */
export function PassCard({ pass, onOpen }: { pass: PassView; onOpen: () => void }) {
  return (
    <View className='pass-card' role='button' aria-role='button' data-testid='pass-item' onClick={onOpen}>
      <View className='pass-card__top'>
        <Text className='pass-card__plate'>{plateText(pass.plate)}</Text>
        <PassStatusTag status={pass.status} />
      </View>
      <Text className='pass-card__number'>证件编号 {pass.passNumber}</Text>
      <Text className='pass-card__meta'>{pass.enterpriseName}</Text>
      <Text className='pass-card__meta'>
        {place(pass.originCode)} → {place(pass.destinationCode)}
      </Text>
      <Text className='pass-card__meta'>
        有效期 {pass.validFrom} 至 {pass.validTo}
      </Text>
    </View>
  );
}
