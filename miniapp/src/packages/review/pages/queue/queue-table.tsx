import type { QueueItem } from '@pass/shared';
import { Text, View } from '@tarojs/components';
import { StatusTag, ToneTag } from '@/components/status-tag';
import { formatDateTime } from '@/utils/format';
import { categoryName, dueText, plateText, shortDate, whitelistTag } from '@/utils/labels';

/** The columns a desktop can sort by; a phone keeps the queue's own order (oldest first). */
export type SortKey = 'plate' | 'enterprise' | 'category' | 'validFrom' | 'submittedAt' | 'dueAt';
export interface Sort {
  key: SortKey;
  descending: boolean;
}

const columns: { key: SortKey; label: string }[] = [
  { key: 'plate', label: '车牌' },
  { key: 'enterprise', label: '申请企业' },
  { key: 'category', label: '物资类别' },
  { key: 'validFrom', label: '有效期' },
  { key: 'submittedAt', label: '提交时间' },
  { key: 'dueAt', label: '办理期限' },
];

const sortValue: Record<SortKey, (item: QueueItem) => string> = {
  plate: (item) => item.plate ?? '',
  enterprise: (item) => item.enterpriseName,
  category: (item) => categoryName(item.materialCategory),
  validFrom: (item) => item.validFrom,
  submittedAt: (item) => item.submittedAt,
  // No deadline sorts last.
  dueAt: (item) => item.dueAt ?? '9',
};

/** The items in the order of `sort`, or as the server sent them (whitelist first, oldest first). */
export function sortedItems(items: QueueItem[], sort: Sort | null): QueueItem[] {
  if (!sort) return items;
  const value = sortValue[sort.key];
  const sign = sort.descending ? -1 : 1;
  return [...items].sort((a, b) => sign * value(a).localeCompare(value(b), 'zh-CN'));
}

export interface QueueTableProps {
  items: QueueItem[];
  sort: Sort | null;
  onSort: (key: SortKey) => void;
  selected: string[];
  onToggle: (id: string) => void;
  /** The row whose detail is shown beside the table (desktop). */
  current?: string;
  onOpen: (id: string) => void;
}

/**
 * The waiting applications: a dense table with sortable columns on a desktop, one card per
 * application on a phone (the same rows, laid out by the stylesheet). The box picks a row for batch
 * approval.
 */
export function QueueTable({ items, sort, onSort, selected, onToggle, current, onOpen }: QueueTableProps) {
  return (
    <View className='queue-table' data-testid='queue-table'>
      <View className='queue-table__head'>
        <View className='queue-table__pick' />
        {columns.map((column) => {
          const on = sort?.key === column.key;
          return (
            <View
              key={column.key}
              className={`queue-table__sort queue-table__cell queue-table__cell--${column.key} ${on ? 'queue-table__sort--on' : ''}`}
              role='button'
              aria-role='button'
              aria-label={`按${column.label}排序${on ? (sort?.descending ? '，当前降序' : '，当前升序') : ''}`}
              tabIndex={0}
              data-testid={`sort-${column.key}`}
              onClick={() => onSort(column.key)}
            >
              <Text>
                {column.label}
                {on ? (sort?.descending ? ' ↓' : ' ↑') : ''}
              </Text>
            </View>
          );
        })}
        <Text className='queue-table__cell queue-table__cell--status'>状态</Text>
      </View>
      {items.map((item) => {
        const picked = selected.includes(item.id);
        const due = dueText(item.dueAt);
        return (
          <View
            key={item.id}
            className={`queue-row ${item.overdue ? 'queue-row--overdue' : ''} ${item.id === current ? 'queue-row--current' : ''}`}
            data-testid='queue-item'
            data-current={item.id === current}
          >
            <View
              className={`queue-table__pick queue-row__pick ${picked ? 'queue-row__pick--on' : ''}`}
              role='checkbox'
              aria-role='checkbox'
              aria-checked={picked}
              aria-label={`选择${plateText(item.plate)}以批量通过`}
              tabIndex={0}
              data-testid='queue-pick'
              onClick={() => onToggle(item.id)}
            >
              <Text className='queue-row__tick'>{picked ? '✓' : ''}</Text>
            </View>
            <View
              className='queue-row__body'
              role='button'
              aria-role='button'
              tabIndex={0}
              onClick={() => onOpen(item.id)}
            >
              <Text className='queue-row__plate queue-table__cell queue-table__cell--plate'>
                {plateText(item.plate)}
              </Text>
              <Text className='queue-row__enterprise queue-table__cell queue-table__cell--enterprise'>
                {item.enterpriseName}
              </Text>
              <Text className='queue-row__meta queue-table__cell queue-table__cell--category'>
                {categoryName(item.materialCategory)}
              </Text>
              <Text className='queue-row__meta queue-table__cell queue-table__cell--validFrom'>
                {shortDate(item.validFrom)} 至 {shortDate(item.validTo)}
              </Text>
              <Text className='queue-row__meta queue-table__cell queue-table__cell--submittedAt'>
                <Text className='queue-row__label'>提交于 </Text>
                {formatDateTime(item.submittedAt)}
              </Text>
              <View className='queue-row__tags queue-table__cell queue-table__cell--dueAt'>
                {due && <Text className={item.overdue ? 'queue-row__due--over' : ''}>{due}</Text>}
                {item.whitelisted && <ToneTag tone='good'>{whitelistTag(item.whitelistSource)}</ToneTag>}
                {item.escalated && <ToneTag tone='warn'>下级逾期上报</ToneTag>}
              </View>
              <View className='queue-table__cell queue-table__cell--status'>
                <StatusTag status={item.status} />
              </View>
            </View>
          </View>
        );
      })}
    </View>
  );
}
