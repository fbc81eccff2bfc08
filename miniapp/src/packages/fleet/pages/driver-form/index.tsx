import { CrewRole, crewDocumentKind, crewRoleNames, driverSchema, Role } from '@pass/shared';
import { View } from '@tarojs/components';
import { ChoiceChips } from '@/components/choice-chips';
import { Denied } from '@/components/denied';
import { FormField } from '@/components/form-field';
import { Screen } from '@/components/screen';
import { TextField } from '@/components/text-field';
import { HolderFormEnd, useHolderForm } from '../../components/holder-form';
import { driversApi } from '../../services/fleet-api';

interface DriverFormValues extends Record<string, unknown> {
  name: string;
  idNumber: string;
  phone: string;
  role: CrewRole;
}

const empty: DriverFormValues = { name: '', idNumber: '', phone: '', role: CrewRole.Driver };
const roleChoices = Object.values(CrewRole).map((value) => ({ value, label: crewRoleNames[value] }));
const upper = (value: string) => value.toUpperCase();

async function loadDriver(id: string): Promise<DriverFormValues> {
  // The list shows masked numbers; editing needs the whole one.
  const [driver, { idNumber }] = await Promise.all([driversApi.get(id), driversApi.idNumber(id)]);
  return { name: driver.name, idNumber, phone: driver.phone, role: driver.role };
}

/** Adds a driver, co-driver or escort to the registry, or edits one (`?id=`), with their licence. */
export default function DriverForm() {
  const form = useHolderForm({
    role: Role.FleetManager,
    schema: driverSchema,
    initial: empty,
    editTitle: '修改司乘人员',
    load: loadDriver,
    api: driversApi,
    holder: 'driverId',
    /** 驾驶证 for a (co-)driver, 押运员证 for an escort. */
    documentKind: (person) => crewDocumentKind[person.role],
    remove: { title: '删除司乘人员', content: '删除后不能恢复；已用于申请的人员不能删除。', run: driversApi.remove },
  });
  const { values, set, field, errorOf } = form;

  if (form.page.denied) return <Denied who='车队管理员' />;

  return (
    <Screen className='screen'>
      <View className='card'>
        <TextField label='姓名' required testId='driver-name' maxlength={30} {...field('name')} />
        <TextField
          label='身份证号码'
          required
          testId='driver-id-number'
          type='idcard'
          maxlength={18}
          normalise={upper}
          {...field('idNumber')}
        />
        <TextField label='手机号码' required testId='driver-phone' type='number' maxlength={11} {...field('phone')} />
        <FormField label='人员类型' required bare testId='driver-role' error={errorOf('role')}>
          <ChoiceChips choices={roleChoices} value={values.role} onChange={(role) => set('role', role)} />
        </FormField>
      </View>
      <HolderFormEnd form={form} />
    </Screen>
  );
}
