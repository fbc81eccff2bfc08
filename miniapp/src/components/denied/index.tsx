import { Text, View } from '@tarojs/components';
import { Screen } from '@/components/screen';
import './index.scss';

/** Shown for a moment to a user of another role before they are taken to their own home. */
export function Denied({ who }: { who: string }) {
  return (
    <Screen className='screen'>
      <View className='denied' data-testid='denied'>
        <Text className='denied__title'>无权访问</Text>
        <Text className='denied__text'>该页面仅供{who}使用，正在返回您的首页…</Text>
      </View>
    </Screen>
  );
}
