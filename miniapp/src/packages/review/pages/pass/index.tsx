import { Button } from '@nutui/nutui-react-taro';
import { canPassTransition, crewRoleNames, Role, revokePassSchema } from '@pass/shared';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { Denied } from '@/components/denied';
import { DetailRow } from '@/components/detail-row';
import { LoadingState } from '@/components/loading-state';
import { Screen } from '@/components/screen';
import { Section } from '@/components/section';
import { PassStatusTag } from '@/components/status-tag';
import { useRolePage } from '@/hooks/use-role-page';
import { formatDateTime } from '@/utils/format';
import { categoryName, plateText, routeText } from '@/utils/labels';
import { showFailure } from '@/utils/messages';
import { ReasonPopup } from '../../components/reason-popup';
import { Trace } from '../../components/trace';
import { passesApi } from '../../services/review-api';
import '../../styles/wide.scss';
import './index.scss';

async function loadPass(id: string) {
  const [pass, trace] = await Promise.all([passesApi.get(id), passesApi.trace(id).catch(() => [])]);
  return { pass, trace };
}

const revokeProblem = (reason: string) => {
  const parsed = revokePassSchema.safeParse({ reason });
  return parsed.success ? undefined : parsed.error.issues[0]?.message;
};

/** One issued pass as its issuer sees it: the facts, the trip so far, and revocation. */
export default function PassDetail() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const { account, denied, data, error, reload } = useRolePage([Role.Official, Role.Admin], () => loadPass(id));
  const [revoking, setRevoking] = useState(false);

  if (denied) return <Denied who='审核人员或管理员' />;
  if (!data) return <LoadingState error={error} className='wide' />;

  const { pass, trace } = data;
  const revoke = async (reason: string) => {
    try {
      await passesApi.revoke(id, reason);
      setRevoking(false);
      Taro.showToast({ title: '已撤销', icon: 'success' });
      await reload();
    } catch (e) {
      showFailure('未能撤销', e);
    }
  };

  return (
    <Screen className={`wide ${pass.status === 'active' ? '' : 'wide--flush'} review-pass`}>
      <View className='card review-pass__head'>
        <View className='review-pass__top'>
          <Text className='review-pass__plate'>{plateText(pass.plate)}</Text>
          <PassStatusTag status={pass.status} />
        </View>
        <Text className='review-pass__number' data-testid='pass-number'>
          证件编号 {pass.passNumber}
        </Text>
        {pass.endReason && (
          <Text className='review-pass__ended' data-testid='end-reason'>
            {pass.status === 'revoked' ? '撤销理由' : '失效原因'}：{pass.endReason}
            {pass.endedAt ? `（${formatDateTime(pass.endedAt)}）` : ''}
          </Text>
        )}
      </View>

      <View className='wide__columns'>
        <View className='wide__main'>
          <Section title='通行证信息'>
            <DetailRow label='企业' value={pass.enterpriseName} />
            <DetailRow label='路线' value={routeText(pass.originCode, pass.waypointCodes, pass.destinationCode)} />
            <DetailRow label='有效期' value={`${pass.validFrom} 至 ${pass.validTo}`} />
            <DetailRow label='物资' value={`${categoryName(pass.materialCategory)}：${pass.materialDescription}`} />
            {pass.crew.map((person) => (
              <DetailRow
                key={`${person.role}-${person.idNumberMasked}`}
                label={crewRoleNames[person.role]}
                value={`${person.name}  ${person.idNumberMasked}`}
              />
            ))}
            <DetailRow label='核发单位' value={pass.issuingDepartment} />
            <DetailRow label='签发时间' value={formatDateTime(pass.issuedAt)} />
          </Section>
        </View>
        <View className='wide__side'>
          <Section title={`行程轨迹（${trace.length}）`}>
            <Trace stops={trace} />
          </Section>
        </View>
      </View>

      {/* Offered only where the server will allow it: the same rule from shared decides both. */}
      {account && canPassTransition(pass, 'revoke', account) && (
        <View className='wide-bar'>
          <Button type='danger' size='large' onClick={() => setRevoking(true)}>
            撤销通行证
          </Button>
        </View>
      )}
      <ReasonPopup
        visible={revoking}
        title='撤销通行证'
        label='撤销理由'
        placeholder='如：出借他人使用、申报信息不实'
        confirmText='确认撤销'
        danger
        validate={revokeProblem}
        onConfirm={revoke}
        onClose={() => setRevoking(false)}
      />
    </Screen>
  );
}
