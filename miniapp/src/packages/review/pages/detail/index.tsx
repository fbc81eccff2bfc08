import {
  CrewRole,
  crewRoleNames,
  type Party,
  plateColourNames,
  type ReviewDecision,
  type ReviewLevel,
  Role,
  regionFullName,
  reviewLevelNames,
  vehicleTypes,
} from '@pass/shared';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { Denied } from '@/components/denied';
import { DetailRow } from '@/components/detail-row';
import { ActionBar } from '@/components/form-actions';
import { LoadingState } from '@/components/loading-state';
import { Section } from '@/components/section';
import { StatusTag, ToneTag } from '@/components/status-tag';
import { useRolePage } from '@/hooks/use-role-page';
import { formatDateTime } from '@/utils/format';
import { categoryName, dueText, place, plateText, quantityText, validityText } from '@/utils/labels';
import { showFailure } from '@/utils/messages';
import { AttachmentPreview } from '../../components/attachment-preview';
import { reviewApi } from '../../services/review-api';
import { type DecisionKind, decisionDoneText, decisionOf, decisionTexts } from './decision';
import { DecisionPopup } from './decision-popup';
import { Risks } from './risks';
import '../../styles/wide.scss';
import './index.scss';

const partyText = (party: Party | null) =>
  party ? `${party.name}\n${party.address}\n${party.contactName} ${party.contactPhone}` : '未填写';

/** The driver first, as on the pass. */
const crewOrder = Object.values(CrewRole);

/** Buttons in the order a thumb reaches them: the usual decision last, on the right. */
const decisionOrder: DecisionKind[] = ['return', 'reject', 'approve'];

/** Everything that helps decide one application, and the decision itself. */
export default function ReviewDetailPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const { denied, data, error } = useRolePage(Role.Official, () => reviewApi.detail(id));
  const [deciding, setDeciding] = useState<DecisionKind | null>(null);

  if (denied) return <Denied who='审核人员' />;
  if (!data) return <LoadingState error={error} className='wide' />;

  const { application: app, enterprise, vehicle, crew, attachments } = data;
  const step = app.reviewSteps[app.reviewLevelIndex];
  const stepText = step
    ? `${regionFullName(step.jurisdictionCode) ?? step.jurisdictionCode}${reviewLevelNames[step.level as ReviewLevel]}审核（第${app.reviewLevelIndex + 1}/${app.reviewSteps.length}级）`
    : '';
  const decisions = decisionOrder.filter((kind) => app.actions.includes(kind));
  const due = dueText(data.dueAt);

  const decide = async (kind: DecisionKind, text: string, fields: string[]) => {
    try {
      const result = await reviewApi.decide(id, decisionOf(kind, text, fields) as ReviewDecision);
      setDeciding(null);
      const title = decisionDoneText(kind, Boolean(result.passId));
      Taro.showToast({ title, icon: 'none', duration: 2000 });
      setTimeout(() => Taro.navigateBack().catch(() => undefined), 800);
    } catch (e) {
      showFailure('未能提交', e);
    }
  };

  return (
    <View className='wide review-detail'>
      <View className='card review-detail__head'>
        <View className='review-detail__top'>
          <Text className='review-detail__plate' data-testid='detail-plate'>
            {plateText(vehicle?.plate)}
          </Text>
          <StatusTag status={app.status} />
        </View>
        <Text className='review-detail__enterprise'>{enterprise.name}</Text>
        <View className='review-detail__tags'>
          {enterprise.whitelisted && <ToneTag tone='good'>白名单企业</ToneTag>}
          {data.overdue && <ToneTag tone='danger'>已逾期</ToneTag>}
        </View>
        <Text className='muted'>
          {app.submittedAt ? `提交于 ${formatDateTime(app.submittedAt)}` : ''}
          {data.dueAt ? ` · 办理期限 ${formatDateTime(data.dueAt)}（${due}）` : ''}
        </Text>
        {stepText && <Text className='muted'>当前环节：{stepText}</Text>}
      </View>

      {app.lastReason && (
        <View className='review-detail__previous'>
          <Text>上次退回/不予通过的理由：{app.lastReason}</Text>
        </View>
      )}

      <Section title='风险提示'>
        <Risks detail={data} />
      </Section>

      <View className='wide__columns'>
        <View className='wide__main'>
          <Section title='运输信息'>
            <DetailRow label='物资类别' value={categoryName(app.materialCategory)} />
            <DetailRow label='物资说明' value={app.materialDescription ?? '未填写'} />
            <DetailRow label='数量' value={quantityText(app.quantity, app.quantityUnit)} />
            <DetailRow label='始发地' value={place(app.originCode)} />
            {app.waypointCodes.length > 0 && (
              <DetailRow label='途经地' value={app.waypointCodes.map(place).join('、')} />
            )}
            <DetailRow label='目的地' value={place(app.destinationCode)} />
            <DetailRow label='有效期' value={validityText(app.validFrom, app.validTo)} />
            <DetailRow label='发货单位' value={partyText(app.consignor)} />
            <DetailRow label='收货单位' value={partyText(app.consignee)} />
          </Section>

          <Section title='车辆与司乘人员'>
            {vehicle ? (
              <>
                <DetailRow
                  label='车牌'
                  value={`${plateText(vehicle.plate)}（${plateColourNames[vehicle.plateColour]}）`}
                />
                <DetailRow label='车辆类型' value={vehicleTypes[vehicle.vehicleType]?.name ?? vehicle.vehicleType} />
                <DetailRow label='道路运输证' value={vehicle.transportLicenseNumber} />
                {vehicle.vin && <DetailRow label='VIN' value={vehicle.vin} />}
              </>
            ) : (
              <DetailRow label='车辆' value='未选择' />
            )}
            {[...crew]
              .sort((a, b) => crewOrder.indexOf(a.role) - crewOrder.indexOf(b.role))
              .map((person) => (
                <DetailRow
                  key={person.id}
                  label={crewRoleNames[person.role]}
                  value={`${person.name}  ${person.idNumber}\n${person.phone}`}
                  testId='crew-member'
                />
              ))}
          </Section>
        </View>

        <View className='wide__side'>
          <Section title='申请企业'>
            <DetailRow label='企业名称' value={enterprise.name} />
            <DetailRow label='信用代码' value={enterprise.creditCode} />
            <DetailRow
              label='状态'
              value={[enterprise.verified ? '已核验' : '未核验', enterprise.whitelisted ? '白名单企业' : '']
                .filter(Boolean)
                .join('、')}
            />
          </Section>

          <Section title={`证明材料（${attachments.length}）`} testId='attachments'>
            {attachments.length === 0 && <Text className='muted'>未上传</Text>}
            {attachments.map((attachment) => (
              <AttachmentPreview key={attachment.id} applicationId={app.id} attachment={attachment} />
            ))}
          </Section>
        </View>
      </View>

      <ActionBar
        className='wide-bar'
        actions={decisions.map((kind) => ({
          label: decisionTexts[kind].title,
          danger: kind === 'reject',
          outline: kind !== 'approve',
          onClick: () => setDeciding(kind),
        }))}
      />

      {deciding && (
        <DecisionPopup
          kind={deciding}
          onConfirm={(text, fields) => decide(deciding, text, fields)}
          onClose={() => setDeciding(null)}
        />
      )}
    </View>
  );
}
