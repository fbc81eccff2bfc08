import { Role } from '@pass/shared';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Denied } from '@/components/denied';
import { MoreButton } from '@/components/more-button';
import { Screen } from '@/components/screen';
import { noMatchText, SearchBox, useSearchText } from '@/components/search-box';
import { useMorePages } from '@/hooks/use-more-pages';
import { useRolePage } from '@/hooks/use-role-page';
import { withQuery } from '@/services/routes';
import { PassCard } from '../../components/pass-card';
import { reviewRoutes } from '../../routes';
import { passesApi } from '../../services/review-api';
import '../../styles/wide.scss';

/**
 * Passes the jurisdiction reviewed or issued (an admin: every pass), newest first; found by plate,
 * number or enterprise.
 */
export default function Passes() {
  const search = useSearchText();
  const { account, denied, data, error, loading, reload } = useRolePage([Role.Official, Role.Admin], () =>
    passesApi.list(null, search.q()),
  );
  const { items, cursor, more, loadMore } = useMorePages(data, (after) => passesApi.list(after, search.q()), reload);

  if (denied) return <Denied who='审核人员或管理员' />;

  return (
    <Screen className='wide wide--flush'>
      <SearchBox
        testId='pass-search'
        placeholder='车牌号码、通行证编号、企业名称或信用代码'
        onSearch={search.reloading(reload)}
      />
      {error && <Text className='error-text'>{error}</Text>}
      {!loading && !error && items.length === 0 && (
        <Text className='muted' data-testid='pass-search-empty'>
          {search.searched
            ? noMatchText(search.searched, '通行证')
            : account?.role === Role.Admin
              ? '尚未签发通行证'
              : '本辖区尚未签发通行证'}
        </Text>
      )}
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
