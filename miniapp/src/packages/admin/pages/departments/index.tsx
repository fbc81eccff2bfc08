import { Button } from '@nutui/nutui-react-taro';
import {
  type IssuingDepartmentView,
  issuingDepartmentSchema,
  Role,
  regionCodeSchema,
  regionFullName,
} from '@pass/shared';
import { Text, View } from '@tarojs/components';
import { RegionCodeField } from '@/components/region-code-field';
import { TextField } from '@/components/text-field';
import { useActionForm } from '@/hooks/use-action-form';
import { useRolePage } from '@/hooks/use-role-page';
import { Action, AdminPage, Cell, HeadRow, Row } from '../../components/admin-page';
import { departmentsApi } from '../../services/departments-api';

// A type, not an interface: useSchemaForm takes a string-keyed record.
type Values = { regionCode: string; name: string; dutyPhone: string };

const empty: Values = { regionCode: '', name: '', dutyPhone: '' };
const regionHint = '6位代码，如 320100（南京市）；已登记的辖区再次保存即修改';
const nameInput = { placeholder: '如：南京市工业和信息化局', maxlength: 50 };
const phoneInput = { placeholder: '如：025-83456789', maxlength: 20 };
const formSchema = issuingDepartmentSchema.extend({ regionCode: regionCodeSchema });

/**
 * The department issuing each jurisdiction's passes and its duty phone: printed on the pass and the
 * public page, sent to checkpoints with the trust list, and named in every verdict.
 */
export default function Departments() {
  const page = useRolePage(Role.Admin, () => departmentsApi.list());
  const departments = page.data ?? [];
  const form = useActionForm({
    schema: formSchema,
    initial: empty,
    run: ({ regionCode, ...body }) => departmentsApi.save(regionCode, body),
    done: '已保存',
    failure: '未能保存',
    // The form keeps what was saved (valid, so no messages), ready for the next change.
    reset: (saved) => saved,
    after: () => page.reload(),
  });
  const { field } = form;

  const edit = (department: IssuingDepartmentView) =>
    form.setValues({ regionCode: department.regionCode, name: department.name, dutyPhone: department.dutyPhone });

  return (
    <AdminPage title='核发单位与值班电话' testId='admin-departments' page={page}>
      <Text className='muted'>值班电话印在通行证和公开核验页上，并随信任列表下发到卡口，离线核验时也能看到。</Text>
      <View className='admin-table' data-testid='department-list'>
        <HeadRow cells={[{ wide: '辖区' }, { wide: '核发单位' }, { wide: '值班电话' }, '操作']} />
        {departments.map((d) => (
          <Row key={d.regionCode} testId={`department-${d.regionCode}`}>
            <Cell wide>{regionFullName(d.regionCode) ?? d.regionCode}</Cell>
            <Cell wide>{d.name}</Cell>
            <Cell wide>
              <Text data-testid='department-phone'>{d.dutyPhone}</Text>
            </Cell>
            <View className='admin-table__cell admin-table__cell--actions'>
              <Action label='编辑' onClick={() => edit(d)} />
            </View>
          </Row>
        ))}
        {!page.loading && departments.length === 0 && <Text className='admin__empty'>还没有登记核发单位</Text>}
      </View>

      <View className='card' data-testid='department-form'>
        <Text className='card__title'>登记或修改核发单位</Text>
        <RegionCodeField
          label='辖区行政区划代码'
          required
          testId='department-region'
          hint={regionHint}
          {...field('regionCode')}
        />
        <TextField label='核发单位名称' required testId='department-name' {...nameInput} {...field('name')} />
        <TextField label='值班电话' required testId='department-phone-input' {...phoneInput} {...field('dutyPhone')} />
      </View>
      <View className='admin__actions'>
        <Button type='primary' size='large' loading={form.busy} disabled={form.busy} onClick={form.submit}>
          保存
        </Button>
      </View>
    </AdminPage>
  );
}
