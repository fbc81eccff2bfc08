import { Button } from '@nutui/nutui-react-taro';
import { Role } from '@pass/shared';
import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { Denied } from '@/components/denied';
import { useRolePage } from '@/hooks/use-role-page';
import { withQuery } from '@/services/routes';
import { messageOf } from '@/utils/messages';
import { PassCard } from '../../components/pass-card';
import { reviewRoutes } from '../../routes';
import { passesApi } from '../../services/review-api';
import type { PassView } from '../../types';
import '../../styles/wide.scss';

/** Passes the jurisdiction reviewed or issued, newest first. */
export default function Passes() {
  const { denied, data, error, loading, reload } = useRolePage(Role.Official, () => passesApi.list());
  const [items, setItems] = useState<PassView[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [more, setMore] = useState(false);

  useEffect(() => {
    if (!data) return;
    setItems(data.items);
    setCursor(data.nextCursor);
  }, [data]);

  usePullDownRefresh(async () => {
    await reload();
    Taro.stopPullDownRefresh();
  });

  const loadMore = async () => {
    if (!cursor || more) return;
    setMore(true);
    try {
      const page = await passesApi.list(cursor);
      setItems((current) => [...current, ...page.items]);
      setCursor(page.nextCursor);
    } catch (e) {
      Taro.showToast({ title: messageOf(e, '加载失败'), icon: 'none' });
    } finally {
      setMore(false);
    }
  };
  useReachBottom(() => {
    loadMore();
  });

  if (denied) return <Denied who='审核人员' />;

  return (
    <View className='wide wide--flush'>
      {error && <Text className='error-text'>{error}</Text>}
      {!loading && !error && items.length === 0 && <Text className='muted'>本辖区尚未签发通行证</Text>}
      <View className='wide__grid'>
        {items.map((pass) => (
          <PassCard
            key={pass.id}
            pass={pass}
            onOpen={() => Taro.navigateTo({ url: withQuery(reviewRoutes.pass, { id: pass.id }) })}
          />
        ))}
      </View>
      {cursor && (
        <Button block fill='none' loading={more} onClick={loadMore}>
          加载更多
        </Button>
      )}
    </View>
  );
}
