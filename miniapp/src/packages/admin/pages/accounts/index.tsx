import { Button } from '@nutui/nutui-react-taro';
import {
  type AccountView,
  type AdminAccountView,
  accountRoles,
  type CheckpointView,
  newPasswordSchema,
  Role,
  roleNames,
} from '@pass/shared';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { ChoiceChips } from '@/components/choice-chips';
import { TextField } from '@/components/text-field';
import { useRolePage } from '@/hooks/use-role-page';
import { withQuery } from '@/services/routes';
import { formatDateTime } from '@/utils/format';
import { officialScope } from '@/utils/labels';
import { showFailure } from '@/utils/messages';
import { Action, AdminPage, Cell, HeadRow, Row, reloading } from '../../components/admin-page';
import { adminRoutes } from '../../routes';
import { accountsApi, checkpointsApi } from '../../services/admin-api';

type RoleFilter = Role | 'all';

const roleChoices: { value: RoleFilter; label: string }[] = [
  { value: 'all', label: '全部' },
  ...accountRoles.map((role) => ({ value: role as RoleFilter, label: roleNames[role] })),
];

function scopeOf(account: AccountView, checkpoints: CheckpointView[]): string {
  if (account.role === Role.Official) {
    return officialScope(account);
  }
  if (account.role === Role.CheckpointStaff) {
    return checkpoints.find((c) => c.id === account.checkpointId)?.name ?? '';
  }
  return '';
}

const isLocked = (account: AdminAccountView) =>
  account.lockedUntil !== null && Date.parse(account.lockedUntil) > Date.now();

function statusOf(account: AdminAccountView): string {
  if (account.disabled) return '已停用';
  if (account.lockedUntil && isLocked(account)) {
    return `已锁定至 ${formatDateTime(account.lockedUntil)}`;
  }
  if (account.mustChangePassword) return '待修改密码';
  return '正常';
}

/** Every account: find by role, name or phone; create, edit, stop, reset a password, unlock. */
export default function Accounts() {
  const [role, setRole] = useState<RoleFilter>('all');
  const [q, setQ] = useState('');
  const [resetting, setResetting] = useState<AccountView>();
  const [password, setPassword] = useState('');
  const [passwordError, setPasswordError] = useState<string>();
  const page = useRolePage(Role.Admin, async () => {
    const [accounts, checkpoints] = await Promise.all([
      accountsApi.list({ role: role === 'all' ? undefined : role, q: q.trim() || undefined }),
      checkpointsApi.list(),
    ]);
    return { accounts, checkpoints };
  });
  const accounts = page.data?.accounts ?? [];
  const checkpoints = page.data?.checkpoints ?? [];

  const act = async (work: () => Promise<unknown>, done: string) => {
    try {
      await work();
      Taro.showToast({ title: done, icon: 'success' });
      await page.reload();
    } catch (error) {
      showFailure('操作未成功', error);
    }
  };

  const toggle = async (account: AccountView) => {
    if (!account.disabled) {
      const { confirm } = await Taro.showModal({
        title: '停用账号',
        content: `停用后“${account.name}”将立即退出登录且不能再登录，确定停用？`,
      });
      if (!confirm) return;
    }
    await act(
      () => (account.disabled ? accountsApi.enable(account.id) : accountsApi.disable(account.id)),
      account.disabled ? '已启用' : '已停用',
    );
  };

  const confirmReset = async () => {
    if (!resetting) return;
    const parsed = newPasswordSchema.safeParse(password);
    if (!parsed.success) {
      setPasswordError(parsed.error.issues[0]?.message);
      return;
    }
    await act(() => accountsApi.resetPassword(resetting.id, password), '密码已重置');
    setResetting(undefined);
    setPassword('');
  };

  return (
    <AdminPage title='账号管理' testId='admin-accounts' page={page}>
      <View className='admin__toolbar'>
        <TextField label='姓名或手机号码' testId='account-search' value={q} onChange={setQ} maxlength={50} />
        <Button type='primary' onClick={() => page.reload()}>
          查找
        </Button>
        <Button onClick={() => Taro.navigateTo({ url: adminRoutes.accountForm })}>新建账号</Button>
      </View>
      <ChoiceChips
        testId='account-role-filter'
        choices={roleChoices}
        value={role}
        onChange={reloading(setRole, page)}
      />

      {resetting && (
        <View className='card' data-testid='reset-password'>
          <Text className='card__title'>重置“{resetting.name}”的密码</Text>
          <Text className='muted'>设置一个临时密码告知本人；下次登录时须修改为自己的密码。</Text>
          <TextField
            label='临时密码'
            testId='reset-password-input'
            value={password}
            onChange={(value) => {
              setPassword(value);
              setPasswordError(undefined);
            }}
            error={passwordError}
            maxlength={64}
          />
          <View className='admin__actions'>
            <Button type='primary' onClick={confirmReset}>
              确认重置
            </Button>
            <Button onClick={() => setResetting(undefined)}>取消</Button>
          </View>
        </View>
      )}

      <View className='admin-table' data-testid='account-list'>
        <HeadRow cells={['姓名', '手机号码', '角色', { wide: '范围' }, '状态', { wide: '操作' }]} />
        {accounts.map((account) => (
          <Row key={account.id} muted={account.disabled} testId={`account-${account.phone}`}>
            <Cell>{account.name}</Cell>
            <Cell>{account.phone}</Cell>
            <Cell>{roleNames[account.role]}</Cell>
            <Cell wide>{scopeOf(account, checkpoints)}</Cell>
            <Cell>
              <Text data-testid='account-status'>{statusOf(account)}</Text>
            </Cell>
            <View className='admin-table__cell admin-table__cell--actions'>
              {account.role !== Role.FleetManager && (
                <Action
                  label='编辑'
                  onClick={() => Taro.navigateTo({ url: withQuery(adminRoutes.accountForm, { id: account.id }) })}
                />
              )}
              {account.id !== page.account?.id && (
                <Action
                  label={account.disabled ? '启用' : '停用'}
                  danger={!account.disabled}
                  onClick={() => toggle(account)}
                />
              )}
              <Action
                label='重置密码'
                onClick={() => {
                  setResetting(account);
                  setPassword('');
                  setPasswordError(undefined);
                }}
              />
              {isLocked(account) && (
                <Action label='解锁' onClick={() => act(() => accountsApi.unlock(account.id), '已解锁')} />
              )}
            </View>
          </Row>
        ))}
        {!page.loading && accounts.length === 0 && <Text className='admin__empty'>没有符合条件的账号</Text>}
      </View>
    </AdminPage>
  );
}
