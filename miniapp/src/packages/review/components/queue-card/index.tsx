import type { QueueItem } from '@pass/shared';
import { Text, View } from '@tarojs/components';
import { StatusTag, ToneTag } from '@/components/status-tag';
import { formatDateTime } from '@/utils/format';
import { categoryName, dueText, plateText, shortDate } from '@/utils/labels';
import './index.scss';

export interface QueueCardProps {
  item: QueueItem;
  selected: boolean;
  onToggle: () => void;
  onOpen: () => void;
}

/** One application waiting for a decision, with a box to pick it for batch approval. */
export function QueueCard({ item, selected, onToggle, onOpen }: QueueCardProps) {
  const due = dueText(item.dueAt);
  return (
    <View className={`queue-card ${item.overdue ? 'queue-card--overdue' : ''}`} data-testid='queue-item'>
      <View
        className={`queue-card__pick ${selected ? 'queue-card__pick--on' : ''}`}
        role='checkbox'
        aria-role='checkbox'
        aria-checked={selected}
        aria-label='选择以批量通过'
        data-testid='queue-pick'
        onClick={onToggle}
      >
        <Text className='queue-card__tick'>{selected ? '✓' : ''}</Text>
      </View>
      <View className='queue-card__body' onClick={onOpen}>
        <View className='queue-card__top'>
          <Text className='queue-card__plate'>{plateText(item.plate)}</Text>
          <StatusTag status={item.status} />
        </View>
        <Text className='queue-card__enterprise'>{item.enterpriseName}</Text>
        <View className='queue-card__tags'>
          {item.whitelisted && <ToneTag tone='good'>白名单</ToneTag>}
          {item.overdue && <ToneTag tone='danger'>逾期</ToneTag>}
          {item.escalated && <ToneTag tone='warn'>下级逾期上报</ToneTag>}
        </View>
        <Text className='queue-card__meta'>
          {categoryName(item.materialCategory)} · {shortDate(item.validFrom)} 至 {shortDate(item.validTo)}
        </Text>
        <Text className='queue-card__meta'>
          提交于 {formatDateTime(item.submittedAt)}
          {due ? ` · ${due}` : ''}
        </Text>
      </View>
    </View>
  );
}
