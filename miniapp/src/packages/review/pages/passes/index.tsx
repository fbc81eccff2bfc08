import { Role } from '@pass/shared';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Denied } from '@/components/denied';
import { MoreButton } from '@/components/more-button';
import { Screen } from '@/components/screen';
import { useMorePages } from '@/hooks/use-more-pages';
import { useRolePage } from '@/hooks/use-role-page';
import { withQuery } from '@/services/routes';
import { PassCard } from '../../components/pass-card';
import { reviewRoutes } from '../../routes';
import { passesApi } from '../../services/review-api';
import '../../styles/wide.scss';

/** Passes the jurisdiction reviewed or issued, newest first. */
export default function Passes() {
  const { denied, data, error, loading, reload } = useRolePage(Role.Official, () => passesApi.list());
  const { items, cursor, more, loadMore } = useMorePages(data, passesApi.list, reload);

  if (denied) return <Denied who='审核人员' />;

  return (
    <Screen className='wide wide--flush'>
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
      <MoreButton cursor={cursor} loading={more} onClick={loadMore} />
    </Screen>
  );
}
