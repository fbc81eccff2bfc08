import {
  type AttachmentView,
  CrewRole,
  crewRoleNames,
  type DriverView,
  plateColourNames,
  type ReviewDecision,
  type ReviewHistoryEntry,
  Role,
  reviewStepName,
  type VehicleView,
  vehicleTypes,
} from '@pass/shared';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { ApplicationRows } from '@/components/application-rows';
import { Denied } from '@/components/denied';
import { DetailRow } from '@/components/detail-row';
import { ActionBar } from '@/components/form-actions';
import { LoadingState } from '@/components/loading-state';
import { Screen } from '@/components/screen';
import { Section } from '@/components/section';
import { StatusTag, ToneTag } from '@/components/status-tag';
import { Timeline } from '@/components/timeline';
import { useRolePage } from '@/hooks/use-role-page';
import { formatDateTime } from '@/utils/format';
import { dueText, fieldLabel, plateText, whitelistTag } from '@/utils/labels';
import { showFailure } from '@/utils/messages';
import { AttachmentPreview } from '../../components/attachment-preview';
import { reviewApi } from '../../services/review-api';
import { type DecisionKind, decisionDoneText, decisionOf, decisionTexts } from './decision';
import { DecisionPopup } from './decision-popup';
import { Risks } from './risks';
import '../../styles/wide.scss';
import './index.scss';

/** The driver first, as on the pass. */
const crewOrder = Object.values(CrewRole);

/**
 * The fields the last return asked to correct, while the corrected application is reviewed again: the
 * official checks them first. Empty before any return and once a later step (a new return) replaced it.
 */
function fieldsCorrected(history: readonly ReviewHistoryEntry[]): string[] {
  // (No findLastIndex: older WeChat runtimes lack it.)
  const lastIndexOf = (action: string) => history.map((step) => step.action).lastIndexOf(action);
  const lastReturn = lastIndexOf('return');
  return lastReturn >= 0 && lastIndexOf('resubmit') > lastReturn ? history[lastReturn]!.fieldsToFix : [];
}

/** Whose a held document is: the vehicle's plate or the crew member's role and name (as submitted). */
function holderOf(document: AttachmentView, vehicle: VehicleView | null, crew: readonly DriverView[]): string {
  if (document.vehicleId) return plateText(vehicle?.id === document.vehicleId ? vehicle.plate : undefined);
  const person = crew.find((p) => p.id === document.driverId);
  return person ? `${crewRoleNames[person.role]}${person.name}` : '';
}

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
  const stepText = step ? `${reviewStepName(step)}（第${app.reviewLevelIndex + 1}/${app.reviewSteps.length}级）` : '';
  const corrected = fieldsCorrected(data.history);
  const flagged = (...fields: string[]) => fields.some((field) => corrected.includes(field));
  const decisions = decisionOrder.filter((kind) => app.actions.includes(kind));
  const due = dueText(data.dueAt);

  const decide = async (kind: DecisionKind, text: string, fields: string[], note: string) => {
    try {
      const result = await reviewApi.decide(id, decisionOf(kind, text, fields, note) as ReviewDecision);
      setDeciding(null);
      const title = decisionDoneText(kind, Boolean(result.passId));
      Taro.showToast({ title, icon: 'none', duration: 2000 });
      setTimeout(() => Taro.navigateBack().catch(() => undefined), 800);
    } catch (e) {
      showFailure('未能提交', e);
    }
  };

  return (
    <Screen className='wide review-detail'>
      <View className='card review-detail__head'>
        <View className='review-detail__top'>
          <Text className='review-detail__plate' data-testid='detail-plate'>
            {plateText(vehicle?.plate)}
          </Text>
          <StatusTag status={app.status} />
        </View>
        <Text className='review-detail__enterprise'>{enterprise.name}</Text>
        <View className='review-detail__tags'>
          {enterprise.whitelisted && (
            <ToneTag tone='good'>{whitelistTag(enterprise.whitelistSource, '白名单企业')}</ToneTag>
          )}
          {data.overdue && <ToneTag tone='danger'>已逾期</ToneTag>}
        </View>
        <Text className='muted'>
          {app.submittedAt ? `提交于 ${formatDateTime(app.submittedAt)}` : ''}
          {data.dueAt ? ` · 办理期限 ${formatDateTime(data.dueAt)}（${due}）` : ''}
        </Text>
        {stepText && <Text className='muted'>当前环节：{stepText}</Text>}
      </View>

      {corrected.length > 0 && (
        <View className='review-detail__previous' data-testid='corrected-fields'>
          <Text>
            申请人已按退回意见修改后重新提交，请重点核对标有“需修改”的项目：{corrected.map(fieldLabel).join('、')}
          </Text>
        </View>
      )}

      <Section title='风险提示'>
        <Risks detail={data} />
      </Section>

      <Section title='审核记录' testId='review-history'>
        <Timeline events={data.history} application={{ ...app, dueAt: data.dueAt }} />
      </Section>

      <View className='wide__columns'>
        <View className='wide__main'>
          <Section title='运输信息'>
            <ApplicationRows application={app} flagged={flagged} />
          </Section>

          <Section title='车辆与司乘人员' flagged={flagged('vehicleId', 'crewDriverIds')}>
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
              value={[
                enterprise.verified ? '已核验' : '未核验',
                enterprise.whitelisted ? whitelistTag(enterprise.whitelistSource, '白名单企业') : '',
              ]
                .filter(Boolean)
                .join('、')}
            />
          </Section>

          {data.heldDocuments.length > 0 && (
            <Section title='车辆与人员证件（提交时）' testId='held-documents'>
              {data.heldDocuments.map((document) => (
                <AttachmentPreview
                  key={document.id}
                  applicationId={app.id}
                  attachment={document}
                  holder={holderOf(document, vehicle, crew)}
                />
              ))}
            </Section>
          )}

          <Section title={`证明材料（${attachments.length}）`} testId='attachments' flagged={flagged('attachmentIds')}>
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
          onConfirm={(text, fields, note) => decide(deciding, text, fields, note)}
          onClose={() => setDeciding(null)}
        />
      )}
    </Screen>
  );
}
