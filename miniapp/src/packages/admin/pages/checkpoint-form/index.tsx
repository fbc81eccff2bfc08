import { checkpointSchema, Role, regionFullName } from '@pass/shared';
import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { TextField } from '@/components/text-field';
import { useRolePage } from '@/hooks/use-role-page';
import { useSchemaForm } from '@/hooks/use-schema-form';
import { Button } from '@/ui/button';
import { showFailure } from '@/utils/messages';
import { AdminPage } from '../../components/admin-page';
import { checkpointsApi } from '../../services/admin-api';

// A type, not an interface: useSchemaForm takes a string-keyed record.
type Values = {
  code: string;
  name: string;
  regionCode: string;
  latitude: string;
  longitude: string;
};

const empty: Values = { code: '', name: '', regionCode: '', latitude: '', longitude: '' };
const numberOrUndefined = (value: string) => (value.trim() === '' ? undefined : Number(value));

/** A new checkpoint, or an existing one (`?id=`) with its code, name, region and WGS-84 position. */
export default function CheckpointForm() {
  const { params } = useRouter();
  const editing = params.id;
  const { values, setValues, set, blur, errorOf, validate, showServerErrors } = useSchemaForm({
    schema: checkpointSchema,
    initial: empty,
    toInput: (v: Values) => ({
      code: v.code.trim(),
      name: v.name,
      regionCode: v.regionCode.trim(),
      latitude: numberOrUndefined(v.latitude),
      longitude: numberOrUndefined(v.longitude),
    }),
  });
  const [busy, setBusy] = useState(false);
  const page = useRolePage(Role.Admin, async () => {
    if (!editing) return;
    const found = (await checkpointsApi.list()).find((c) => c.id === editing);
    if (found) {
      setValues({
        code: found.code,
        name: found.name,
        regionCode: found.regionCode,
        latitude: String(found.latitude),
        longitude: String(found.longitude),
      });
    }
  });
  const save = async () => {
    const checked = validate();
    if (!checked) return;
    setBusy(true);
    try {
      if (editing) await checkpointsApi.update(editing, checked);
      else await checkpointsApi.create(checked);
      Taro.showToast({ title: '已保存', icon: 'success' });
      setTimeout(() => Taro.navigateBack(), 500);
    } catch (error) {
      showServerErrors(error);
      showFailure('未能保存', error);
    } finally {
      setBusy(false);
    }
  };

  const region = values.regionCode.length === 6 ? regionFullName(values.regionCode) : undefined;
  return (
    <AdminPage title={editing ? '修改卡口' : '新增卡口'} testId='admin-checkpoint-form' page={page}>
      <View className='card'>
        <TextField
          label='卡口编号'
          required
          testId='checkpoint-code'
          placeholder='如：JS-NJ-G25-01'
          normalise={(v) => v.toUpperCase()}
          value={values.code}
          onChange={(v) => set('code', v)}
          onBlur={() => blur('code')}
          error={errorOf('code')}
          maxlength={32}
        />
        <TextField
          label='卡口名称'
          required
          testId='checkpoint-name'
          value={values.name}
          onChange={(v) => set('name', v)}
          onBlur={() => blur('name')}
          error={errorOf('name')}
          maxlength={100}
        />
        <TextField
          label='所在地区行政区划代码'
          required
          testId='checkpoint-region'
          type='number'
          hint={region ?? '6位代码，如 320115（江宁区）'}
          value={values.regionCode}
          onChange={(v) => set('regionCode', v)}
          onBlur={() => blur('regionCode')}
          error={errorOf('regionCode')}
          maxlength={6}
        />
        <TextField
          label='纬度'
          required
          testId='checkpoint-latitude'
          type='digit'
          placeholder='如：31.953'
          value={values.latitude}
          onChange={(v) => set('latitude', v)}
          onBlur={() => blur('latitude')}
          error={errorOf('latitude')}
          maxlength={12}
        />
        <TextField
          label='经度'
          required
          testId='checkpoint-longitude'
          type='digit'
          placeholder='如：118.840'
          value={values.longitude}
          onChange={(v) => set('longitude', v)}
          onBlur={() => blur('longitude')}
          error={errorOf('longitude')}
          maxlength={12}
        />
      </View>
      <View className='admin__actions'>
        <Button type='primary' size='large' loading={busy} disabled={busy} onClick={save}>
          保存
        </Button>
      </View>
    </AdminPage>
  );
}
