import { Text } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { Screen } from '@/components/screen';
import { roleHome, routes, withQuery } from '@/services/routes';
import { loadSession } from '@/services/session';
import './index.scss';

/** The entry page: sends each role to its own home (in its own subpackage), or to the login page. */
export default function Index() {
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
    } else {
      Taro.reLaunch({ url: roleHome[session.account.role] });
    }
  });

  return (
    <Screen className='index'>
      <Text className='index__title'>重点物资运输车辆通行证</Text>
      <Text className='index__loading'>正在进入…</Text>
    </Screen>
  );
}
