import { Button } from '@nutui/nutui-react-taro';
import { fleetManagerRegistrationSchema } from '@pass/shared';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Screen } from '@/components/screen';
import { TextField, type TextFieldProps } from '@/components/text-field';
import { useSchemaForm } from '@/hooks/use-schema-form';
import { useSessionForm } from '@/hooks/use-session-form';
import { registerEnterprise } from '@/services/auth';
import { routes } from '@/services/routes';
import { RegionField } from '../../components/region-field';

const emptyRegistration = {
  creditCode: '',
  name: '',
  address: '',
  contactName: '',
  contactPhone: '',
  districtCode: '',
  managerName: '',
  managerPhone: '',
  password: '',
  passwordAgain: '',
};

type RegistrationValues = typeof emptyRegistration;

const toInput = (v: RegistrationValues) => ({
  enterprise: {
    creditCode: v.creditCode,
    name: v.name,
    address: v.address,
    contactName: v.contactName,
    contactPhone: v.contactPhone,
    districtCode: v.districtCode,
  },
  manager: { name: v.managerName, phone: v.managerPhone, password: v.password },
});

/** Where each input's message comes from in the schema's nested shape. */
const pathOf: Record<keyof RegistrationValues, string> = {
  creditCode: 'enterprise.creditCode',
  name: 'enterprise.name',
  address: 'enterprise.address',
  contactName: 'enterprise.contactName',
  contactPhone: 'enterprise.contactPhone',
  districtCode: 'enterprise.districtCode',
  managerName: 'manager.name',
  managerPhone: 'manager.phone',
  password: 'manager.password',
  passwordAgain: 'passwordAgain',
};

const upper = (value: string) => value.toUpperCase();

/** An enterprise signs up with its fleet manager's account; an official verifies it before it may apply. */
export default function Register() {
  const form = useSchemaForm({ schema: fleetManagerRegistrationSchema, initial: emptyRegistration, toInput });
  const { values, set, blur, errorOf } = form;
  const { busy, failure, setFailure, enter } = useSessionForm();

  const passwordsDiffer = values.passwordAgain !== '' && values.passwordAgain !== values.password;

  /** The props every text input of this form shares, by its key. */
  const field = (
    key: keyof RegistrationValues,
  ): Pick<TextFieldProps, 'value' | 'onChange' | 'onBlur' | 'error' | 'testId'> => ({
    testId: `register-${key}`,
    value: values[key],
    onChange: (value) => set(key, value),
    onBlur: () => blur(pathOf[key]),
    error: errorOf(pathOf[key]),
  });

  const submit = async () => {
    const registration = form.validate();
    if (!registration || passwordsDiffer || values.passwordAgain === '') {
      setFailure('请按提示修改标红的项目');
      return;
    }
    await enter(
      '注册失败，请稍后重试',
      async () => {
        const session = await registerEnterprise(registration);
        Taro.showToast({ title: '注册成功', icon: 'success' });
        return session;
      },
      (error) => {
        form.showServerErrors(error);
        return undefined;
      },
    );
  };

  return (
    <Screen className='screen'>
      <View className='card'>
        <Text className='card__title'>企业信息</Text>
        <TextField label='企业名称' required maxlength={100} {...field('name')} />
        <TextField
          label='统一社会信用代码'
          required
          maxlength={18}
          normalise={upper}
          hint='营业执照上的18位代码'
          {...field('creditCode')}
        />
        <RegionField
          label='所在区县'
          required
          testId='register-districtCode'
          value={values.districtCode}
          onChange={(code) => {
            set('districtCode', code);
            blur(pathOf.districtCode);
          }}
          error={errorOf(pathOf.districtCode)}
        />
        <TextField label='企业地址' required maxlength={200} {...field('address')} />
        <TextField label='联系人姓名' required maxlength={30} {...field('contactName')} />
        <TextField label='联系人手机号码' required type='number' maxlength={11} {...field('contactPhone')} />
      </View>
      <View className='card'>
        <Text className='card__title'>车队管理员账号</Text>
        <TextField label='管理员姓名' required maxlength={30} {...field('managerName')} />
        <TextField label='手机号码（登录用）' required type='number' maxlength={11} {...field('managerPhone')} />
        <TextField
          label='密码'
          required
          password
          maxlength={64}
          hint='至少8位，包含字母和数字'
          {...field('password')}
        />
        <TextField
          label='再次输入密码'
          required
          password
          maxlength={64}
          {...field('passwordAgain')}
          error={passwordsDiffer ? '两次输入的密码不一致' : undefined}
        />
      </View>
      {failure && (
        <View className='card error-text' data-testid='register-error'>
          <Text>{failure}</Text>
        </View>
      )}
      <View className='action-bar'>
        <Button size='large' onClick={() => Taro.redirectTo({ url: routes.login })}>
          已有账号，去登录
        </Button>
        <Button type='primary' size='large' loading={busy} disabled={busy} onClick={submit}>
          提交注册
        </Button>
      </View>
    </Screen>
  );
}
