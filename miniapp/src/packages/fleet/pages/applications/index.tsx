import { Button } from '@nutui/nutui-react-taro';
import {
  type ApplicationStatus,
  type ApplicationView,
  applicationStatusNames,
  Role,
  type VehicleView,
} from '@pass/shared';
import { Text, View } from '@tarojs/components';
import Taro, { useReachBottom } from '@tarojs/taro';
import { useRef, useState } from 'react';
import { ChoiceChips } from '@/components/choice-chips';
import { Denied } from '@/components/denied';
import { MoreButton } from '@/components/more-button';
import { Screen } from '@/components/screen';
import { noMatchText, SearchBox, useSearchText } from '@/components/search-box';
import { usePullDownReload } from '@/hooks/use-pull-down-reload';
import { useRolePage } from '@/hooks/use-role-page';
import { routes, withQuery } from '@/services/routes';
import { messageOf } from '@/utils/messages';
import { ApplicationCard } from '../../components/application-card';
import { EmptyState } from '../../components/empty-state';
import { applicationsApi, vehiclesApi } from '../../services/fleet-api';

type Filter = ApplicationStatus | 'all';

const filters: { value: Filter; label: string }[] = [
  { value: 'all', label: '全部' },
  ...(['draft', 'submitted', 'under_review', 'returned', 'approved', 'rejected', 'withdrawn'] as const).map(
    (status) => ({ value: status, label: applicationStatusNames[status] }),
  ),
];

const pageSize = 20;

/** The enterprise's applications, newest first, filtered by status, found by plate, a page at a time. */
export default function Applications() {
  const [filter, setFilter] = useState<Filter>('all');
  const [items, setItems] = useState<ApplicationView[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState('');
  const [vehicles, setVehicles] = useState<VehicleView[]>([]);
  const search = useSearchText();
  /** Answers to an earlier filter may arrive late; only the latest counts. */
  const generation = useRef(0);

  const load = async (status: Filter, after: string | null) => {
    const mine = ++generation.current;
    setLoading(true);
    try {
      const page = await applicationsApi.list({
        status: status === 'all' ? undefined : status,
        q: search.q(),
        cursor: after,
        limit: pageSize,
      });
      if (mine !== generation.current) return;
      setItems((current) => (after ? [...current, ...page.items] : page.items));
      setCursor(page.nextCursor);
      setError('');
    } catch (e) {
      if (mine === generation.current) setError(messageOf(e, '加载失败，请稍后重试'));
    } finally {
      if (mine === generation.current) {
        setLoading(false);
        setLoaded(true);
      }
    }
  };

  const page = useRolePage(Role.FleetManager, async () => {
    load(filter, null);
    vehiclesApi.list().then(setVehicles, () => undefined);
  });
  usePullDownReload(() => load(filter, null));
  useReachBottom(() => {
    if (cursor && !loading) load(filter, cursor);
  });

  const changeFilter = (next: Filter) => {
    setFilter(next);
    load(next, null);
  };

  const plateOf = (id: string | null) => vehicles.find((v) => v.id === id)?.plate;

  if (page.denied) return <Denied who='车队管理员' />;

  return (
    <Screen className='screen'>
      <SearchBox
        testId='application-search'
        placeholder='车牌号码（或其开头）'
        onSearch={search.reloading(() => load(filter, null))}
      />
      <ChoiceChips choices={filters} value={filter} onChange={changeFilter} testId='status-filter' />
      {error && <Text className='error-text'>{error}</Text>}
      {loaded && items.length === 0 && !error && (
        <EmptyState
          title={
            search.searched
              ? noMatchText(search.searched, filter === 'all' ? '申请' : `“${applicationStatusNames[filter]}”申请`)
              : filter === 'all'
                ? '还没有申请'
                : `没有“${applicationStatusNames[filter]}”的申请`
          }
        />
      )}
      {items.map((application) => (
        <ApplicationCard
          key={application.id}
          application={application}
          plate={plateOf(application.vehicleId)}
          onOpen={() => Taro.navigateTo({ url: withQuery(routes.applicationDetail, { id: application.id }) })}
        />
      ))}
      <MoreButton cursor={cursor} loading={loading} onClick={() => load(filter, cursor)} />
      <View className='action-bar'>
        <Button type='primary' size='large' onClick={() => Taro.navigateTo({ url: routes.applicationForm })}>
          新建通行证申请
        </Button>
      </View>
    </Screen>
  );
}
