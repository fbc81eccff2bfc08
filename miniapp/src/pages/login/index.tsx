import { Button } from '@nutui/nutui-react-taro';
import { ErrorCode, validatePhone } from '@pass/shared';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import { FormSubmit } from '@/components/form-submit';
import { LinkRow } from '@/components/link-row';
import { Screen } from '@/components/screen';
import { ServiceStatus } from '@/components/service-status';
import { PasswordField, TextField } from '@/components/text-field';
import { useSessionForm } from '@/hooks/use-session-form';
import { goHome, loginWithPassword } from '@/services/auth';
import { ApiError } from '@/services/request';
import { routes } from '@/services/routes';
import { loadSession, type Session } from '@/services/session';
import { bindWechat, loginWithWechat, wechatLoginAvailable } from '@/services/wechat-auth';
import './index.scss';

const phoneInput = { label: '手机号码', testId: 'login-phone', type: 'number', maxlength: 11 } as const;

const passwordInput = { label: '密码', testId: 'login-password' } as const;

export default function Login() {
  const [phone, setPhone] = useState('');
  const [password, setPassword] = useState('');
  const [touched, setTouched] = useState({ phone: false, password: false });
  const touch = (key: 'phone' | 'password') => () => setTouched((t) => ({ ...t, [key]: true }));
  const { busy, failure, enter: enterWith } = useSessionForm();
  /** Set after 微信一键登录 found no account: the password sign-in then also binds this WeChat user. */
  const [binding, setBinding] = useState(false);

  useDidShow(() => {
    const session = loadSession();
    if (session) goHome(session.account);
  });

  const phoneCheck = validatePhone(phone);
  const phoneError = touched.phone && !phoneCheck.ok ? phoneCheck.message : undefined;
  const passwordError = touched.password && password === '' ? '请输入密码' : undefined;

  const enter = (signIn: () => Promise<Session>) =>
    enterWith('登录失败，请稍后重试', signIn, (error) => {
      if (!(error instanceof ApiError && error.code === ErrorCode.AccountNotBound)) return undefined;
      setBinding(true);
      return '该微信尚未绑定账号：请输入手机号码和密码，登录后将自动绑定，下次可一键登录';
    });

  const submit = () => {
    setTouched({ phone: true, password: true });
    if (!phoneCheck.ok || password === '') return;
    enter(() => (binding ? bindWechat(phoneCheck.value, password) : loginWithPassword(phoneCheck.value, password)));
  };

  return (
    <Screen className='screen screen--flush login'>
      <View className='login__hero'>
        <Text className='login__title'>重点物资运输车辆通行证</Text>
        <Text className='login__subtitle'>全国统一样式 · 全国互认 · 免费办理</Text>
      </View>

      <View className='card'>
        <TextField {...phoneInput} value={phone} onChange={setPhone} onBlur={touch('phone')} error={phoneError} />
        <PasswordField
          {...passwordInput}
          value={password}
          onChange={setPassword}
          onBlur={touch('password')}
          error={passwordError}
        />
        <FormSubmit
          failure={failure}
          failureTestId='login-error'
          busy={busy}
          label={binding ? '登录并绑定微信' : '登录'}
          onSubmit={submit}
          className='login__actions'
        >
          {wechatLoginAvailable && !binding && (
            <Button size='large' block disabled={busy} onClick={() => enter(loginWithWechat)}>
              微信一键登录
            </Button>
          )}
        </FormSubmit>
      </View>

      <LinkRow prompt='还没有账号？' action='企业注册' onTap={() => Taro.navigateTo({ url: routes.register })} />
      <LinkRow
        prompt='驾驶员、押运员查看本人通行证：'
        action='驾驶员/押运员登录'
        onTap={() => Taro.navigateTo({ url: routes.crewSignIn })}
        testId='crew-sign-in-link'
      />

      <ServiceStatus />
    </Screen>
  );
}
