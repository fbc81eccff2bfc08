import { roleNames } from '@pass/shared';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect } from 'react';
import { logout } from '@/services/auth';
import { routes } from '@/services/routes';
import { loadSession } from '@/services/session';
import { Button } from '@/ui/button';
import './index.scss';

export interface ComingSoonProps {
  /** What this role will do here, in one line. */
  duties: string;
}

/** The home of a role whose screens are not built yet: says so, and lets the user sign out. */
export function ComingSoon({ duties }: ComingSoonProps) {
  const account = loadSession()?.account;
  const signedIn = account !== undefined;

  useEffect(() => {
    if (!signedIn) Taro.reLaunch({ url: routes.login });
  }, [signedIn]);

  const signOut = async () => {
    await logout();
    await Taro.reLaunch({ url: routes.login });
  };

  return (
    <View className='screen coming-soon'>
      <View className='card'>
        <Text className='card__title'>
          {account?.name ?? ''}，您好{account ? `（${roleNames[account.role]}）` : ''}
        </Text>
        <Text className='coming-soon__duties'>{duties}</Text>
        <View className='coming-soon__notice' data-testid='coming-soon'>
          <Text>该功能正在建设中，敬请期待。</Text>
        </View>
      </View>
      <Button block onClick={signOut}>
        退出登录
      </Button>
    </View>
  );
}
