import {
  type AccountView,
  ReviewLevel,
  Role,
  reviewLevelNames,
  roleNames,
  type StaffAccountRequest,
  type StaffAccountUpdate,
  staffAccountSchema,
  staffAccountUpdateSchema,
} from '@pass/shared';
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { ChoiceChips, choicesOf } from '@/components/choice-chips';
import { FormActions } from '@/components/form-actions';
import { FormField } from '@/components/form-field';
import { RegionCodeField } from '@/components/region-code-field';
import { PasswordField, TextField } from '@/components/text-field';
import { useEntityForm } from '@/hooks/use-entity-form';
import { AdminPage } from '../../components/admin-page';
import { accountsApi, checkpointsApi } from '../../services/admin-api';

type StaffRole = typeof Role.Official | typeof Role.CheckpointStaff | typeof Role.Admin;

const staffRoles: { value: StaffRole; label: string }[] = [Role.Official, Role.CheckpointStaff, Role.Admin].map(
  (role) => ({ value: role as StaffRole, label: roleNames[role] }),
);
const levelChoices = choicesOf(reviewLevelNames);

// A type, not an interface: useSchemaForm takes a string-keyed record.
type Values = {
  role: StaffRole;
  name: string;
  phone: string;
  password: string;
  jurisdictionCode: string;
  department: string;
  reviewLevel: ReviewLevel | undefined;
  checkpointId: string;
};

const empty: Values = {
  role: Role.Official,
  name: '',
  phone: '',
  password: '',
  jurisdictionCode: '',
  department: '',
  reviewLevel: undefined,
  checkpointId: '',
};

const fromAccount = (a: AccountView): Values => ({
  role: a.role as StaffRole,
  name: a.name,
  phone: a.phone,
  password: '',
  jurisdictionCode: a.jurisdictionCode ?? '',
  department: a.department ?? '',
  reviewLevel: (a.reviewLevel as ReviewLevel | null) ?? undefined,
  checkpointId: a.checkpointId ?? '',
});

const blank = (value: string) => (value.trim() === '' ? undefined : value.trim());

async function loadAccount(id: string): Promise<Values> {
  const account = (await accountsApi.list({})).find((a) => a.id === id);
  return account ? fromAccount(account) : empty;
}

const activeCheckpoints = async () => ({ checkpoints: (await checkpointsApi.list()).filter((c) => !c.retired) });

/** Creates a staff account with its scope, or edits one (`?id=`). */
const passwordHint = '至少8位，含字母和数字；首次登录后须修改';
const departmentInput = {
  label: '所属部门',
  testId: 'account-department',
  placeholder: '如：工业和信息化局',
  maxlength: 50,
};

export default function AccountForm() {
  const editing = Boolean(useRouter().params.id);
  const form = useEntityForm({
    role: Role.Admin,
    schema: editing ? staffAccountUpdateSchema : staffAccountSchema,
    initial: empty,
    // Only the fields of the chosen role go to the server; the password only on creation.
    toInput: (v: Values) => ({
      role: v.role,
      name: blank(v.name),
      phone: blank(v.phone),
      password: editing ? undefined : v.password,
      jurisdictionCode: v.role === Role.Official ? blank(v.jurisdictionCode) : undefined,
      department: v.role === Role.Official ? blank(v.department) : undefined,
      reviewLevel: v.role === Role.Official ? v.reviewLevel : undefined,
      checkpointId: v.role === Role.CheckpointStaff ? blank(v.checkpointId) : undefined,
    }),
    editTitle: '修改账号',
    load: loadAccount,
    extra: activeCheckpoints,
    invalidHint: '请修改标红的项目',
    save: (checked, id) =>
      id ? accountsApi.update(id, checked as StaffAccountUpdate) : accountsApi.create(checked as StaffAccountRequest),
  });
  const { values, set, field, errorOf, page } = form;

  const checkpoints = form.extra?.checkpoints ?? [];

  return (
    <AdminPage title={editing ? '修改账号' : '新建账号'} testId='admin-account-form' page={page}>
      <View className='card'>
        <FormField label='角色' required bare testId='account-role'>
          {editing ? (
            <Text>{roleNames[values.role]}</Text>
          ) : (
            <ChoiceChips choices={staffRoles} value={values.role} onChange={(role) => set('role', role)} />
          )}
        </FormField>
        <TextField label='姓名' required testId='account-name' {...field('name')} maxlength={50} />
        <TextField label='手机号码' required testId='account-phone' type='number' {...field('phone')} maxlength={11} />
        {!editing && (
          <PasswordField
            label='初始密码'
            required
            testId='account-password'
            hint={passwordHint}
            {...field('password')}
          />
        )}
        {values.role === Role.Official && (
          <>
            <RegionCodeField
              label='辖区行政区划代码'
              required
              testId='account-jurisdiction'
              {...field('jurisdictionCode')}
            />
            <TextField required {...departmentInput} {...field('department')} />
            <FormField label='审核层级' required bare testId='account-level' error={errorOf('reviewLevel')}>
              <ChoiceChips choices={levelChoices} value={values.reviewLevel} onChange={(v) => set('reviewLevel', v)} />
            </FormField>
          </>
        )}
        {values.role === Role.CheckpointStaff && (
          <FormField label='所在卡口' required bare testId='account-checkpoint' error={errorOf('checkpointId')}>
            {checkpoints.length ? (
              <ChoiceChips
                choices={checkpoints.map((c) => ({ value: c.id, label: `${c.code} ${c.name}` }))}
                value={values.checkpointId || undefined}
                onChange={(v) => set('checkpointId', v)}
              />
            ) : (
              <Text className='muted'>还没有在用的卡口，请先在“卡口管理”中新增</Text>
            )}
          </FormField>
        )}
      </View>
      <FormActions className='admin__actions' busy={form.busy} onSave={form.save} />
    </AdminPage>
  );
}
