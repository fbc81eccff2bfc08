import { type CheckpointView, checkpointSchema, Role } from '@pass/shared';
import { View } from '@tarojs/components';
import { FormActions } from '@/components/form-actions';
import { RegionCodeField } from '@/components/region-code-field';
import { TextField } from '@/components/text-field';
import { useEntityForm } from '@/hooks/use-entity-form';
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

const fromCheckpoint = (c: CheckpointView): Values => ({
  code: c.code,
  name: c.name,
  regionCode: c.regionCode,
  latitude: String(c.latitude),
  longitude: String(c.longitude),
});

async function loadCheckpoint(id: string): Promise<Values> {
  const found = (await checkpointsApi.list()).find((c) => c.id === id);
  return found ? fromCheckpoint(found) : empty;
}

/** A new checkpoint, or an existing one (`?id=`) with its code, name, region and WGS-84 position. */
export default function CheckpointForm() {
  const form = useEntityForm({
    role: Role.Admin,
    schema: checkpointSchema,
    initial: empty,
    toInput: (v: Values) => ({
      code: v.code.trim(),
      name: v.name,
      regionCode: v.regionCode.trim(),
      latitude: numberOrUndefined(v.latitude),
      longitude: numberOrUndefined(v.longitude),
    }),
    load: loadCheckpoint,
    save: (checked, id) => (id ? checkpointsApi.update(id, checked) : checkpointsApi.create(checked)),
  });
  const { field, editing, page } = form;
  const coordinate = (key: 'latitude' | 'longitude', example: string) => ({
    ...field(key),
    type: 'digit' as const,
    placeholder: `如：${example}`,
    maxlength: 12,
  });

  return (
    <AdminPage title={editing ? '修改卡口' : '新增卡口'} testId='admin-checkpoint-form' page={page}>
      <View className='card'>
        <TextField
          label='卡口编号'
          required
          testId='checkpoint-code'
          placeholder='如：JS-NJ-G25-01'
          normalise={(v) => v.toUpperCase()}
          {...field('code')}
          maxlength={32}
        />
        <TextField label='卡口名称' required testId='checkpoint-name' {...field('name')} maxlength={100} />
        <RegionCodeField label='所在地区行政区划代码' required testId='checkpoint-region' {...field('regionCode')} />
        <TextField label='纬度' required testId='checkpoint-latitude' {...coordinate('latitude', '31.953')} />
        <TextField label='经度' required testId='checkpoint-longitude' {...coordinate('longitude', '118.840')} />
      </View>
      <FormActions className='admin__actions' busy={form.busy} onSave={form.save} />
    </AdminPage>
  );
}
