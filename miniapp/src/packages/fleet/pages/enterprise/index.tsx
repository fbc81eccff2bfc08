import { Button, Cell, CellGroup } from '@nutui/nutui-react-taro';
import { type EnterpriseView, enterpriseUpdateSchema, Role, regionFullName } from '@pass/shared';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { Denied } from '@/components/denied';
import { Screen } from '@/components/screen';
import { ToneTag } from '@/components/status-tag';
import { TextField } from '@/components/text-field';
import { useRolePage } from '@/hooks/use-role-page';
import { useSchemaForm } from '@/hooks/use-schema-form';
import { showFailure } from '@/utils/messages';
import { enterpriseApi } from '../../services/fleet-api';
import './index.scss';

interface ContactValues extends Record<string, unknown> {
  address: string;
  contactName: string;
  contactPhone: string;
}

const contactOf = (enterprise: EnterpriseView): ContactValues => ({
  address: enterprise.address,
  contactName: enterprise.contactName,
  contactPhone: enterprise.contactPhone,
});

/** The enterprise as registered: name and credit code are fixed, address and contact may change. */
export default function Enterprise() {
  const form = useSchemaForm({
    schema: enterpriseUpdateSchema,
    initial: { address: '', contactName: '', contactPhone: '' } as ContactValues,
  });
  const {
    denied,
    data: enterprise,
    error,
  } = useRolePage(Role.FleetManager, async () => {
    const mine = await enterpriseApi.mine();
    form.setValues(contactOf(mine));
    return mine;
  });
  const [busy, setBusy] = useState(false);
  const { field } = form;

  const save = async () => {
    const changes = form.validate();
    if (!changes) return;
    setBusy(true);
    try {
      form.setValues(contactOf(await enterpriseApi.update(changes)));
      Taro.showToast({ title: '已保存', icon: 'success' });
    } catch (e) {
      if (!form.showServerErrors(e)) {
        showFailure('未能保存', e);
      }
    } finally {
      setBusy(false);
    }
  };

  if (denied) return <Denied who='车队管理员' />;

  return (
    <Screen className='screen enterprise'>
      {error && <Text className='error-text'>{error}</Text>}
      {enterprise && (
        <>
          <View className='enterprise__status' data-testid='enterprise-status'>
            {enterprise.verified ? <ToneTag tone='approved'>已核验</ToneTag> : <ToneTag tone='pending'>待核验</ToneTag>}
            {enterprise.whitelisted ? (
              <ToneTag tone='info'>白名单企业</ToneTag>
            ) : (
              <ToneTag tone='plain'>非白名单企业</ToneTag>
            )}
          </View>
          {!enterprise.verified && (
            <Text className='enterprise__hint'>审核部门核验企业信息后，即可提交通行证申请。</Text>
          )}
          <CellGroup title='登记信息'>
            <Cell title='企业名称' extra={enterprise.name} />
            <Cell title='统一社会信用代码' extra={enterprise.creditCode} />
            <Cell title='所在区县' extra={regionFullName(enterprise.districtCode) ?? enterprise.districtCode} />
          </CellGroup>
          <View className='card'>
            <Text className='card__title'>地址和联系人</Text>
            <TextField label='企业地址' testId='enterprise-address' maxlength={200} {...field('address')} />
            <TextField label='联系人姓名' testId='enterprise-contact-name' maxlength={30} {...field('contactName')} />
            <TextField
              label='联系电话'
              testId='enterprise-contact-phone'
              hint='手机号码，或带区号的固定电话'
              maxlength={20}
              {...field('contactPhone')}
            />
          </View>
        </>
      )}
      <View className='action-bar'>
        <Button type='primary' size='large' loading={busy} disabled={busy || !enterprise} onClick={save}>
          保存修改
        </Button>
      </View>
    </Screen>
  );
}
