import { Button } from '@nutui/nutui-react-taro';
import Taro from '@tarojs/taro';
import { logout } from '@/services/auth';
import { routes } from '@/services/routes';

/** 退出登录: ends the session on this device and starts again at the login page. */
export function SignOutButton() {
  const signOut = async () => {
    await logout();
    await Taro.reLaunch({ url: routes.login });
  };
  return (
    <Button block fill='outline' onClick={signOut}>
      退出登录
    </Button>
  );
}
