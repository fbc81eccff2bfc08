import { type ApplicationEventView, applicationActionNames, applicationStatusNames, roleNames } from '@pass/shared';
import { Text, View } from '@tarojs/components';
import { formatDateTime } from '@/utils/format';
import './index.scss';

const actionName = (action: string) =>
  action === 'create' ? '创建申请' : (applicationActionNames[action as keyof typeof applicationActionNames] ?? action);

const actorOf = (event: ApplicationEventView) =>
  [roleNames[event.actorRole as keyof typeof roleNames] ?? '', event.actorName ?? ''].filter(Boolean).join(' ');

/** The application's history, newest first, each step with who did it and what they said. */
export function Timeline({ events }: { events: ApplicationEventView[] }) {
  const newestFirst = [...events].reverse();
  return (
    <View className='timeline' data-testid='timeline'>
      {newestFirst.map((event, index) => (
        <View key={event.id} className={`timeline__item ${index === 0 ? 'timeline__item--current' : ''}`}>
          <View className='timeline__dot' />
          <View className='timeline__body'>
            <View className='timeline__line'>
              <Text className='timeline__action'>{actionName(event.action)}</Text>
              <Text className='timeline__status'>→ {applicationStatusNames[event.toStatus]}</Text>
            </View>
            <Text className='timeline__meta'>
              {formatDateTime(event.at)} · {actorOf(event)}
            </Text>
            {event.comment && <Text className='timeline__comment'>{event.comment}</Text>}
          </View>
        </View>
      ))}
    </View>
  );
}
