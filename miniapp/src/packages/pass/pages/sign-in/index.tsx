import { Button } from '@nutui/nutui-react-taro';
import { crewSignInSchema, Role, validatePhone } from '@pass/shared';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, useUnload } from '@tarojs/taro';
import { useRef, useState } from 'react';
import { FormNotice } from '@/components/form-notice';
import { FormSubmit } from '@/components/form-submit';
import { LinkRow } from '@/components/link-row';
import { Screen } from '@/components/screen';
import { TextField } from '@/components/text-field';
import { useSessionForm } from '@/hooks/use-session-form';
import { goHome, requestCrewCode, signInAsCrew } from '@/services/auth';
import { routes } from '@/services/routes';
import { loadSession } from '@/services/session';
import './index.scss';

const phoneInput = { label: '手机号码', testId: 'crew-phone', type: 'number', maxlength: 11 } as const;
const codeInput = { label: '验证码', testId: 'crew-code', type: 'number', maxlength: 6, counter: false } as const;

/** The server sends one code a minute per phone; the button waits as long. */
const resendSeconds = 60;

/**
 * 驾驶员/押运员登录: the phone on the driver record and the 6-digit code the server texts to it. The
 * session that follows sees only the passes this person rides on (then kept for offline display).
 */
export default function CrewSignIn() {
  const [phone, setPhone] = useState('');
  const [code, setCode] = useState('');
  const [touched, setTouched] = useState(false);
  const [waiting, setWaiting] = useState(0);
  const [notice, setNotice] = useState('');
  const { busy, failure, setFailure, run, enter } = useSessionForm();
  const timer = useRef<ReturnType<typeof setInterval> | null>(null);

  useDidShow(() => {
    const session = loadSession();
    if (session?.account.role === Role.Crew) goHome(session.account);
  });
  useUnload(() => {
    if (timer.current) clearInterval(timer.current);
  });

  const phoneCheck = validatePhone(phone);
  const phoneError = touched && !phoneCheck.ok ? phoneCheck.message : undefined;

  const countDown = () => {
    setWaiting(resendSeconds);
    if (timer.current) clearInterval(timer.current);
    timer.current = setInterval(() => {
      setWaiting((left) => {
        if (left <= 1 && timer.current) clearInterval(timer.current);
        return Math.max(left - 1, 0);
      });
    }, 1000);
  };

  const sendCode = async () => {
    setTouched(true);
    setFailure('');
    if (!phoneCheck.ok) return;
    await run('验证码发送失败，请稍后重试', async () => {
      await requestCrewCode(phoneCheck.value);
      countDown();
      // The server answers alike for a phone no driver record has, and texts only a registered one.
      setNotice('验证码已发送，5分钟内有效。如未收到，请确认车队登记的是本手机号。');
    });
  };

  const submit = async () => {
    setTouched(true);
    setFailure('');
    if (!phoneCheck.ok) return;
    // The server's own rule for the code, so the message is the one it would give.
    const codeCheck = crewSignInSchema.shape.code.safeParse(code);
    if (!codeCheck.success) {
      setFailure(codeCheck.error.issues[0]?.message ?? '请输入验证码');
      return;
    }
    await enter('登录失败，请稍后重试', () => signInAsCrew(phoneCheck.value, codeCheck.data));
  };

  return (
    <Screen className='screen crew-sign-in'>
      <Text className='crew-sign-in__intro'>
        驾驶员、押运员用车队登记的手机号接收验证码登录，查看并出示本人随车的通行证。
      </Text>
      <View className='card'>
        <TextField
          {...phoneInput}
          value={phone}
          onChange={setPhone}
          onBlur={() => setTouched(true)}
          error={phoneError}
        />
        <View className='crew-sign-in__code-row'>
          <View className='crew-sign-in__code-field'>
            <TextField {...codeInput} value={code} onChange={setCode} />
          </View>
          <Button disabled={busy || waiting > 0} onClick={sendCode} data-testid='crew-send-code'>
            {waiting > 0 ? `${waiting}秒后重新获取` : '获取验证码'}
          </Button>
        </View>
        {notice && (
          <FormNotice tone='info' testId='crew-notice'>
            {notice}
          </FormNotice>
        )}
        <FormSubmit
          failure={failure}
          failureTestId='crew-error'
          busy={busy}
          label='登录'
          onSubmit={submit}
          className='crew-sign-in__actions'
        />
      </View>
      <LinkRow action='返回账号登录' onTap={() => Taro.reLaunch({ url: routes.login })} />
    </Screen>
  );
}
