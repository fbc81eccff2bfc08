import {
  type ApplicationEventView,
  type ApplicationView,
  applicationTimeline,
  type ReviewHistoryEntry,
  roleNames,
} from '@pass/shared';
import { Text, View } from '@tarojs/components';
import { formatDateTime } from '@/utils/format';
import { dueText, fieldLabel } from '@/utils/labels';
import './index.scss';

type Entry = ApplicationEventView | ReviewHistoryEntry;

const actorOf = (event: Entry) =>
  [event.actorDepartment ?? roleNames[event.actorRole as keyof typeof roleNames] ?? '', event.actorName ?? '']
    .filter(Boolean)
    .join(' ');

/** What the step said: to the applicant a reason or an opinion. */
const commentLabel = (action: string) => (action === 'approve' ? '审核意见' : '理由');

/**
 * The application's review history, oldest first, each step once with who took it (office,
 * department, name), when, and what they said; then the steps still to come with the deadline of the
 * one it waits for. Officials' entries carry the internal note, shown apart.
 */
export function Timeline({
  events,
  application,
}: {
  events: readonly Entry[];
  application: Pick<ApplicationView, 'status' | 'reviewSteps' | 'reviewLevelIndex' | 'dueAt'>;
}) {
  const items = applicationTimeline(events, application);
  const lastDone = items.filter((item) => item.kind === 'done').length - 1;
  return (
    <View className='timeline' data-testid='timeline'>
      {items.map((item, index) =>
        item.kind === 'done' ? (
          <View
            key={item.event.id}
            className={`timeline__item ${index === lastDone ? 'timeline__item--current' : ''}`}
            data-testid='timeline-step'
          >
            <View className='timeline__dot' />
            <View className='timeline__body'>
              <View className='timeline__line'>
                <Text className='timeline__action'>{item.title}</Text>
                {item.status && <Text className='timeline__status'>→ {item.status}</Text>}
              </View>
              <Text className='timeline__meta'>
                {formatDateTime(item.event.at)}
                {item.office ? ` · ${item.office}` : ''} · {actorOf(item.event)}
              </Text>
              {item.event.comment && (
                <Text className='timeline__comment' data-testid='timeline-comment'>
                  {commentLabel(item.event.action)}：{item.event.comment}
                </Text>
              )}
              {item.event.fieldsToFix.length > 0 && (
                <Text className='timeline__fields'>需修改：{item.event.fieldsToFix.map(fieldLabel).join('、')}</Text>
              )}
              {'internalNote' in item.event && item.event.internalNote && (
                <Text className='timeline__internal' data-testid='timeline-internal'>
                  内部意见（申请人不可见）：{item.event.internalNote}
                </Text>
              )}
            </View>
          </View>
        ) : (
          <View
            key={`next-${item.title}`}
            className={`timeline__item timeline__item--next ${item.current ? 'timeline__item--waiting' : ''}`}
            data-testid='timeline-next'
          >
            <View className='timeline__dot' />
            <View className='timeline__body'>
              <Text className='timeline__action'>{item.title}</Text>
              {item.dueAt && (
                <Text className='timeline__due' data-testid='timeline-due'>
                  办理期限 {formatDateTime(item.dueAt)}（{dueText(item.dueAt)}）
                </Text>
              )}
            </View>
          </View>
        ),
      )}
    </View>
  );
}
