import { Button } from '@nutui/nutui-react-taro';
import { crewRoleNames, type ReviewDetail } from '@pass/shared';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { DetailRow } from '@/components/detail-row';
import { LoadingState } from '@/components/loading-state';
import { Section } from '@/components/section';
import { StatusTag, ToneTag } from '@/components/status-tag';
import { withQuery } from '@/services/routes';
import { formatDateTime } from '@/utils/format';
import { categoryName, dueText, place, plateText, quantityText, validityText, whitelistTag } from '@/utils/labels';
import { messageOf } from '@/utils/messages';
import { reviewRoutes } from '../../routes';
import { reviewApi } from '../../services/review-api';
import type { DecisionKind } from '../detail/decision';
import { Risks } from '../detail/risks';

/** The decision buttons with the key that does the same. */
const decisionKeys: { kind: DecisionKind; label: string; key: string }[] = [
  { kind: 'approve', label: '通过', key: 'A' },
  { kind: 'return', label: '退回修改', key: 'R' },
  { kind: 'reject', label: '不予通过', key: 'X' },
];

export interface QueuePreviewProps {
  id: string;
  onDecide: (kind: DecisionKind) => void;
}

/**
 * The application chosen in the table, beside it on a desktop: what decides most cases, the decision
 * buttons (with their keys), and the whole detail page one click away for the attachments.
 */
export function QueuePreview({ id, onDecide }: QueuePreviewProps) {
  const [detail, setDetail] = useState<ReviewDetail>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    let current = true;
    setDetail(undefined);
    setError(undefined);
    reviewApi.detail(id).then(
      (loaded) => current && setDetail(loaded),
      (e) => current && setError(messageOf(e, '未能加载申请')),
    );
    return () => {
      current = false;
    };
  }, [id]);

  if (!detail || detail.application.id !== id) return <LoadingState error={error} className='queue-preview' />;
  const { application: app, enterprise, vehicle, crew } = detail;
  const due = dueText(detail.dueAt);

  return (
    // It scrolls on its own: reachable from the keyboard, and named for a screen reader.
    <View className='queue-preview' role='region' aria-label='申请详情' tabIndex={0} data-testid='queue-preview'>
      <View className='queue-preview__head'>
        <Text className='queue-preview__plate' data-testid='preview-plate'>
          {plateText(vehicle?.plate)}
        </Text>
        <StatusTag status={app.status} />
        {enterprise.whitelisted && (
          <ToneTag tone='good'>{whitelistTag(enterprise.whitelistSource, '白名单企业')}</ToneTag>
        )}
        {detail.overdue && <ToneTag tone='danger'>已逾期</ToneTag>}
      </View>
      <Text className='muted'>
        {enterprise.name}
        {app.submittedAt ? ` · 提交于 ${formatDateTime(app.submittedAt)}` : ''}
        {due ? ` · ${due}` : ''}
      </Text>
      <View className='queue-preview__actions'>
        {decisionKeys
          .filter((d) => app.actions.includes(d.kind))
          .map((d) => (
            <Button
              key={d.kind}
              type={d.kind === 'approve' ? 'primary' : d.kind === 'reject' ? 'danger' : 'default'}
              fill={d.kind === 'approve' ? 'solid' : 'outline'}
              onClick={() => onDecide(d.kind)}
              data-testid={`preview-${d.kind}`}
            >
              {`${d.label}（${d.key}）`}
            </Button>
          ))}
        <Button
          fill='none'
          onClick={() => Taro.navigateTo({ url: withQuery(reviewRoutes.detail, { id }) })}
          data-testid='preview-open'
        >
          查看全部材料
        </Button>
      </View>
      {app.lastReason && <Text className='queue-preview__previous'>上次的理由：{app.lastReason}</Text>}
      <Section title='风险提示'>
        <Risks detail={detail} />
      </Section>
      <Section title='运输信息'>
        <DetailRow label='物资类别' value={categoryName(app.materialCategory)} />
        <DetailRow label='物资说明' value={app.materialDescription ?? '未填写'} />
        <DetailRow label='数量' value={quantityText(app.quantity, app.quantityUnit)} />
        <DetailRow
          label='线路'
          value={[app.originCode, ...app.waypointCodes, app.destinationCode].map(place).join(' → ')}
        />
        <DetailRow label='有效期' value={validityText(app.validFrom, app.validTo)} />
        {crew.map((person) => (
          <DetailRow key={person.id} label={crewRoleNames[person.role]} value={`${person.name}  ${person.phone}`} />
        ))}
        <DetailRow label='证明材料' value={`${detail.attachments.length}份`} />
      </Section>
    </View>
  );
}
