import { Role } from '@pass/shared';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { ComingSoon } from '@/components/coming-soon';
import { roleHome, routes, withQuery } from '@/services/routes';
import { loadSession } from '@/services/session';
import './index.scss';

/**
 * The entry page: sends each role to its own home (in its own subpackage), or to the login page.
 * Administrators work on a desktop; their mini-program home is a placeholder for now.
 */
export default function Index() {
  const [adminHome, setAdminHome] = useState(false);
  const { params } = useRouter();

  useDidShow(() => {
    // A pass URL scanned with WeChat opens the mini-program with it in `q`: straight to the verdict.
    if (params.q) {
      Taro.reLaunch({ url: withQuery(routes.checkpointResult, { q: params.q }) });
      return;
    }
    const session = loadSession();
    if (!session) {
      Taro.reLaunch({ url: routes.login });
    } else if (session.account.role === Role.Admin) {
      setAdminHome(true);
    } else {
      Taro.reLaunch({ url: roleHome[session.account.role] });
    }
  });

  if (adminHome) return <ComingSoon duties='系统管理：账号、白名单、配额与全省设置。' />;
  return (
    <View className='index'>
      <Text className='index__title'>重点物资运输车辆通行证</Text>
      <Text className='index__loading'>正在进入…</Text>
    </View>
  );
}
