import { CrewRole, crewRoleNames, driverSchema } from '@pass/shared';
import { View } from '@tarojs/components';
import Taro, { useLoad } from '@tarojs/taro';
import { useState } from 'react';
import { ChoiceChips } from '@/components/choice-chips';
import { FormField } from '@/components/form-field';
import { TextField } from '@/components/text-field';
import { useSchemaForm } from '@/hooks/use-schema-form';
import { Button } from '@/ui/button';
import { showFailure } from '@/utils/messages';
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

/** Adds a driver, co-driver or escort to the registry, or edits one (`?id=`). */
export default function DriverForm() {
  const [id, setId] = useState<string>();
  const [busy, setBusy] = useState(false);
  const form = useSchemaForm({ schema: driverSchema, initial: empty });
  const { values, set, blur, errorOf } = form;

  useLoad(async (query: Record<string, string | undefined>) => {
    if (!query.id) return;
    Taro.setNavigationBarTitle({ title: '修改司乘人员' });
    setId(query.id);
    // The list shows masked numbers; editing needs the whole one.
    const [driver, { idNumber }] = await Promise.all([driversApi.get(query.id), driversApi.idNumber(query.id)]);
    form.setValues({ name: driver.name, idNumber, phone: driver.phone, role: driver.role });
  });

  const save = async () => {
    const driver = form.validate();
    if (!driver) return;
    setBusy(true);
    try {
      if (id) await driversApi.update(id, driver);
      else await driversApi.create(driver);
      Taro.showToast({ title: '已保存', icon: 'success' });
      await Taro.navigateBack();
    } catch (error) {
      if (!form.showServerErrors(error)) {
        showFailure('未能保存', error);
      }
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    if (!id) return;
    const { confirm } = await Taro.showModal({
      title: '删除司乘人员',
      content: '删除后不能恢复；已用于申请的人员不能删除。',
    });
    if (!confirm) return;
    try {
      await driversApi.remove(id);
      await Taro.navigateBack();
    } catch (error) {
      showFailure('未能删除', error);
    }
  };

  return (
    <View className='screen'>
      <View className='card'>
        <TextField
          label='姓名'
          required
          testId='driver-name'
          maxlength={30}
          value={values.name}
          onChange={(v) => set('name', v)}
          onBlur={() => blur('name')}
          error={errorOf('name')}
        />
        <TextField
          label='身份证号码'
          required
          testId='driver-id-number'
          type='idcard'
          maxlength={18}
          value={values.idNumber}
          normalise={upper}
          onChange={(v) => set('idNumber', v)}
          onBlur={() => blur('idNumber')}
          error={errorOf('idNumber')}
        />
        <TextField
          label='手机号码'
          required
          testId='driver-phone'
          type='number'
          maxlength={11}
          value={values.phone}
          onChange={(v) => set('phone', v)}
          onBlur={() => blur('phone')}
          error={errorOf('phone')}
        />
        <FormField label='人员类型' required bare testId='driver-role' error={errorOf('role')}>
          <ChoiceChips choices={roleChoices} value={values.role} onChange={(role) => set('role', role)} />
        </FormField>
      </View>
      <View className='action-bar'>
        {id && (
          <Button fill='outline' type='danger' size='large' onClick={remove}>
            删除
          </Button>
        )}
        <Button type='primary' size='large' loading={busy} disabled={busy} onClick={save}>
          保存
        </Button>
      </View>
    </View>
  );
}
