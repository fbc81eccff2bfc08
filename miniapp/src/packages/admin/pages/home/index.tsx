import { Role } from '@pass/shared';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { MessageEntry } from '@/components/message-entry';
import { SignOutButton } from '@/components/sign-out-button';
import { useRolePage } from '@/hooks/use-role-page';
import { adminAreas } from '../../components/admin-areas';
import { AdminPage } from '../../components/admin-page';

/** 系统管理员's home: one tile per area of administration. */
export default function AdminHome() {
  const page = useRolePage(Role.Admin, async () => undefined);
  return (
    <AdminPage title='系统管理' testId='admin-home' page={page}>
      <Text className='muted'>{page.account?.name}，您好</Text>
      <MessageEntry />
      <View className='admin-menu'>
        {adminAreas.map((item) => (
          <View
            key={item.id}
            className='admin-menu__item'
            role='button'
            aria-role='button'
            data-testid={`admin-menu-${item.id}`}
            onClick={() => Taro.navigateTo({ url: item.url })}
          >
            <Text className='admin-menu__title'>{item.title}</Text>
            <Text className='admin-menu__text'>{item.text}</Text>
          </View>
        ))}
      </View>
      <SignOutButton />
    </AdminPage>
  );
}
