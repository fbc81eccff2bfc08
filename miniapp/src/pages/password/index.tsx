import { Button } from '@nutui/nutui-react-taro';
import { type AuthTokens, passwordChangeSchema, z } from '@pass/shared';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import { Screen } from '@/components/screen';
import { SignOutButton } from '@/components/sign-out-button';
import { PasswordField } from '@/components/text-field';
import { useSchemaForm } from '@/hooks/use-schema-form';
import { goHome } from '@/services/auth';
import { request } from '@/services/request';
import { routes } from '@/services/routes';
import { loadSession, saveSession } from '@/services/session';
import { showFailure } from '@/utils/messages';

/** The server's rule for the change, and the new password typed twice the same. */
const passwordFormSchema = passwordChangeSchema
  .extend({ repeat: z.string() })
  .refine((v) => v.repeat === v.newPassword, { path: ['repeat'], message: '两次输入的新密码不一致' });

/**
 * Choosing one's own password: required before anything else after an admin set a temporary one,
 * so that no one else ever knows a staff member's password.
 */
const passwordHint = '至少8位，同时包含字母和数字';

export default function Password() {
  const form = useSchemaForm({
    schema: passwordFormSchema,
    initial: { currentPassword: '', newPassword: '', repeat: '' },
  });
  const { field } = form;
  const [busy, setBusy] = useState(false);
  const [forced, setForced] = useState(false);

  useDidShow(() => {
    const session = loadSession();
    if (!session) Taro.reLaunch({ url: routes.login });
    else setForced(session.account.mustChangePassword);
  });

  const save = async () => {
    const checked = form.validate();
    if (!checked) return;
    const { currentPassword, newPassword } = checked;
    setBusy(true);
    try {
      // The answer is a new session: the old access token still says the password must change.
      const { account } = saveSession(
        await request<AuthTokens>('/auth/password', { method: 'POST', data: { currentPassword, newPassword } }),
      );
      Taro.showToast({ title: '密码已修改', icon: 'success' });
      setTimeout(() => goHome(account), 800);
    } catch (error) {
      form.showServerErrors(error);
      showFailure('未能修改', error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Screen className='screen' data-testid='password-page'>
      <View className='card'>
        {forced && (
          <Text className='muted' data-testid='password-required'>
            您的密码由管理员重置，请先设置自己的新密码。
          </Text>
        )}
        <PasswordField
          label='原密码'
          required
          testId='password-current'
          {...field('currentPassword')}
          maxlength={128}
        />
        <PasswordField label='新密码' required testId='password-new' hint={passwordHint} {...field('newPassword')} />
        <PasswordField label='再次输入新密码' required testId='password-repeat' {...field('repeat')} />
      </View>
      <Button type='primary' size='large' block loading={busy} disabled={busy} onClick={save}>
        确认修改
      </Button>
      <SignOutButton />
    </Screen>
  );
}
