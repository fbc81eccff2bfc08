import { Button } from '@nutui/nutui-react-taro';
import { Role, regionFullName } from '@pass/shared';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { Denied } from '@/components/denied';
import { DetailRow } from '@/components/detail-row';
import { Screen } from '@/components/screen';
import { useRolePage } from '@/hooks/use-role-page';
import { showFailure } from '@/utils/messages';
import { enterprisesApi } from '../../services/review-api';
import '../../styles/wide.scss';
import './index.scss';

/** Newly registered enterprises of the jurisdiction: checked against their licence, then verified. */
export default function Enterprises() {
  const { denied, data, error, reload } = useRolePage(Role.Official, enterprisesApi.pending);
  const [busy, setBusy] = useState<string | null>(null);

  if (denied) return <Denied who='审核人员' />;

  const verify = async (id: string, name: string) => {
    const { confirm } = await Taro.showModal({
      title: '核验企业',
      content: `请确认已核对“${name}”的营业执照与统一社会信用代码。核验后该企业即可提交通行证申请。`,
      confirmText: '核验通过',
    });
    if (!confirm) return;
    setBusy(id);
    try {
      await enterprisesApi.verify(id);
      Taro.showToast({ title: '已核验', icon: 'success' });
      await reload();
    } catch (e) {
      showFailure('未能核验', e);
    } finally {
      setBusy(null);
    }
  };

  return (
    <Screen className='wide wide--flush'>
      {error && <Text className='error-text'>{error}</Text>}
      {data && data.length === 0 && <Text className='muted'>没有待核验的企业</Text>}
      <View className='wide__grid'>
        {data?.map((enterprise) => (
          <View key={enterprise.id} className='card' data-testid='enterprise-item'>
            <Text className='card__title'>{enterprise.name}</Text>
            <DetailRow label='信用代码' value={enterprise.creditCode} />
            <DetailRow label='所在地' value={regionFullName(enterprise.districtCode) ?? enterprise.districtCode} />
            <DetailRow label='地址' value={enterprise.address} />
            <DetailRow label='联系人' value={`${enterprise.contactName} ${enterprise.contactPhone}`} />
            <Button
              className='enterprise-verify'
              type='primary'
              block
              loading={busy === enterprise.id}
              disabled={busy !== null}
              onClick={() => verify(enterprise.id, enterprise.name)}
            >
              核验通过
            </Button>
          </View>
        ))}
      </View>
    </Screen>
  );
}
