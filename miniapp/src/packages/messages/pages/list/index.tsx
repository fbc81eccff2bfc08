import { Button } from '@nutui/nutui-react-taro';
import { accountRoles, type NotificationView } from '@pass/shared';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { Denied } from '@/components/denied';
import { Screen } from '@/components/screen';
import { ToneTag } from '@/components/status-tag';
import { useMorePages } from '@/hooks/use-more-pages';
import { useRolePage } from '@/hooks/use-role-page';
import { notificationsApi } from '@/services/notifications';
import { formatDateTime } from '@/utils/format';
import { showFailure } from '@/utils/messages';
import './index.scss';

/** The message centre of whichever account is signed in (a crew session has none): newest first; opening a message marks it read. */
export default function Messages() {
  const { denied, data, error, loading, reload } = useRolePage(accountRoles, () => notificationsApi.list());
  const { items, cursor, more, loadMore } = useMorePages(data, notificationsApi.list, reload);
  const [read, setRead] = useState<Set<string>>(new Set());

  if (denied) return <Denied who='已登录用户' />;

  const isRead = (n: NotificationView) => n.read || read.has(n.id);
  const open = async (n: NotificationView) => {
    if (!isRead(n)) {
      try {
        await notificationsApi.markRead(n.id);
        setRead((current) => new Set(current).add(n.id));
      } catch (e) {
        showFailure('未能标为已读', e);
        return;
      }
    }
    if (n.link) await Taro.navigateTo({ url: n.link }).catch(() => undefined);
  };
  const readAll = async () => {
    try {
      await notificationsApi.markAllRead();
      await reload();
      setRead(new Set());
    } catch (e) {
      showFailure('未能全部标为已读', e);
    }
  };

  return (
    <Screen className='screen screen--flush messages'>
      <Text className='messages__intro muted'>审核结果、通行证签发与撤销等通知，最新的在前。</Text>
      {error && <Text className='error-text'>{error}</Text>}
      {items.some((n) => !isRead(n)) && (
        <View className='messages__more'>
          <Button size='small' fill='outline' onClick={readAll}>
            全部标为已读
          </Button>
        </View>
      )}
      {!loading && items.length === 0 && (
        <View className='messages__empty'>
          <Text>暂无消息。审核结果、通行证签发或撤销等变动会在这里通知您。</Text>
        </View>
      )}
      {items.map((n) => (
        <View
          key={n.id}
          className={`messages__item${isRead(n) ? '' : ' messages__item--unread'}`}
          role='button'
          aria-role='button'
          data-testid='message-item'
          onClick={() => open(n)}
        >
          <View className='messages__head'>
            <Text className='messages__title'>{n.title}</Text>
            {isRead(n) ? <ToneTag tone='plain'>已读</ToneTag> : <ToneTag tone='warn'>未读</ToneTag>}
          </View>
          <Text className='messages__body'>{n.body}</Text>
          <Text className='muted'>{formatDateTime(n.createdAt)}</Text>
        </View>
      ))}
      {cursor && (
        <View className='messages__more'>
          <Button block fill='none' loading={more} onClick={loadMore}>
            加载更多
          </Button>
        </View>
      )}
    </Screen>
  );
}
