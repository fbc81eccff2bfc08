import type { PassView } from '@pass/shared';
import { Role } from '@pass/shared';
import { Text, View } from '@tarojs/components';
import { Denied } from '@/components/denied';
import { Screen } from '@/components/screen';
import { noMatchText, SearchBox, useSearchText } from '@/components/search-box';
import { SignOutButton } from '@/components/sign-out-button';
import { ToneTag } from '@/components/status-tag';
import { usePullDownReload } from '@/hooks/use-pull-down-reload';
import { useRolePage } from '@/hooks/use-role-page';
import { withQuery } from '@/services/routes';
import { formatDateTime } from '@/utils/format';
import { place } from '@/utils/labels';
import { passRoutes } from '../../routes';
import { passApi } from '../../services/pass-api';
import { cacheOwnerOf, passCache } from '../../services/pass-cache';
import { isOffline, passStanding } from '../../services/pass-state';
import './index.scss';
import { PlateCard } from '@/components/plate-card';

const standingTones = { valid: 'approved', pending: 'warn', invalid: 'plain' } as const;

async function loadPasses(owner: string, q?: string): Promise<{ items: PassView[]; offlineSince?: string }> {
  // A search asks the server; what is kept for offline use is the whole list.
  if (q) return { items: (await passApi.list(null, q)).items };
  try {
    // A fleet's passes in force fit in the first pages (a crew member's, in the first); older ones stay on the server.
    const first = await passApi.list();
    const second = first.nextCursor ? await passApi.list(first.nextCursor) : undefined;
    const items = [...first.items, ...(second?.items ?? [])];
    passCache.putList(owner, items);
    return { items };
  } catch (error) {
    const cached = passCache.list(owner);
    if (cached && isOffline(error)) return { items: cached.items, offlineSince: cached.savedAt };
    throw error;
  }
}

const holders = [Role.FleetManager, Role.Crew] as const;

/**
 * The enterprise's passes (a fleet manager), or the passes one rides on (a crew member, for whom this is
 * home), newest first; the last download is shown when there is no network.
 */
export default function PassList() {
  const search = useSearchText();
  const { account, denied, data, error, loading, reload } = useRolePage(holders, (holder) =>
    loadPasses(cacheOwnerOf(holder), search.q()),
  );
  usePullDownReload(reload);

  if (denied) return <Denied who='车队管理员或驾驶员/押运员' />;
  const crew = account?.role === Role.Crew;

  return (
    <Screen className='screen screen--flush pass-list'>
      <SearchBox testId='pass-search' placeholder='车牌号码或通行证编号' onSearch={search.reloading(reload)} />
      {crew && (
        <View className='pass-list__holder' data-testid='crew-holder'>
          <Text>
            {account.name}（{account.phone}）随车的通行证
          </Text>
        </View>
      )}
      {data?.offlineSince && (
        <View className='pass-list__offline'>
          <Text>网络不可用，显示 {formatDateTime(data.offlineSince)} 下载的列表</Text>
        </View>
      )}
      {error && <Text className='error-text'>{error}</Text>}
      {!loading && data?.items.length === 0 && (
        <View className='pass-list__empty' data-testid='pass-search-empty'>
          <Text>
            {search.searched
              ? noMatchText(search.searched, '通行证')
              : crew
                ? '暂无您随车的通行证。车队办理的通行证签发后，会出现在这里。'
                : '还没有通行证。申请审核通过后，通行证会出现在这里。'}
          </Text>
        </View>
      )}
      {data?.items.map((pass) => {
        const standing = passStanding(pass);
        const url = withQuery(passRoutes.detail, { id: pass.id });
        const tag = <ToneTag tone={standingTones[standing.tone]}>{standing.text}</ToneTag>;
        return (
          <PlateCard key={pass.id} block='pass-list' testId='pass-item' url={url} plate={pass.plate} tag={tag}>
            <Text className='pass-list__route'>
              {place(pass.originCode)} → {place(pass.destinationCode)}
            </Text>
            <Text className='muted'>
              {pass.validFrom} 至 {pass.validTo} · {pass.passNumber}
            </Text>
          </PlateCard>
        );
      })}
      {crew && <SignOutButton />}
    </Screen>
  );
}
