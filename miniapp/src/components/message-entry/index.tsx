import { Cell } from '@nutui/nutui-react-taro';
import { Text } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import { notificationsApi } from '@/services/notifications';
import { routes } from '@/services/routes';
import './index.scss';

/** Each role's home: the way to the message centre, with the number of unread messages. */
export function MessageEntry() {
  const [unread, setUnread] = useState(0);
  useDidShow(() => {
    notificationsApi
      .unreadCount()
      .then((answer) => setUnread(answer.unread))
      .catch(() => undefined);
  });
  return (
    <Cell
      className='message-entry'
      title='消息中心'
      description={unread > 0 ? `${unread} 条未读消息` : '审核结果、通行证变动等通知'}
      extra={
        unread > 0 ? (
          <Text className='message-entry__badge' data-testid='unread-badge' aria-label={`${unread} 条未读`}>
            {unread > 99 ? '99+' : String(unread)}
          </Text>
        ) : (
          '›'
        )
      }
      clickable
      onClick={() => Taro.navigateTo({ url: routes.messages })}
    />
  );
}
