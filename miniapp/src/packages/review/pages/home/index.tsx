import { Button } from '@nutui/nutui-react-taro';
import { Role } from '@pass/shared';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Denied } from '@/components/denied';
import { MenuList } from '@/components/menu-list';
import { MessageEntry } from '@/components/message-entry';
import { Screen } from '@/components/screen';
import { SignOutButton } from '@/components/sign-out-button';
import { usePullDownReload } from '@/hooks/use-pull-down-reload';
import { useRolePage } from '@/hooks/use-role-page';
import { withQuery } from '@/services/routes';
import { officialScope } from '@/utils/labels';
import { CounterTile } from '../../components/counter-tile';
import { reviewRoutes } from '../../routes';
import { enterprisesApi, reviewApi } from '../../services/review-api';
import '../../styles/wide.scss';
import './index.scss';

const go = (url: string) => Taro.navigateTo({ url });

async function loadHome() {
  const [counters, pending] = await Promise.all([
    reviewApi.counters(),
    enterprisesApi.pending().catch(() => undefined),
  ]);
  return { counters, pendingEnterprises: pending?.length };
}

/** 审核人员's home: what waits, what is late, what is left of the quota, and the way to each task. */
export default function ReviewHome() {
  const { account, denied, data, error, reload } = useRolePage(Role.Official, loadHome);
  usePullDownReload(reload);

  if (denied) return <Denied who='审核人员' />;

  const counters = data?.counters;

  return (
    <Screen className='wide review-home'>
      <View className='review-home__banner'>
        <Text className='review-home__name'>{account ? `${account.name}，您好` : ' '}</Text>
        <Text className='review-home__scope' data-testid='jurisdiction'>
          {account ? officialScope(account) : ''}
        </Text>
      </View>

      {error && <Text className='error-text'>{error}</Text>}

      <View className='review-home__tiles'>
        <CounterTile
          label='待审核'
          value={counters ? String(counters.waiting) : '–'}
          testId='counter-waiting'
          onClick={() => go(reviewRoutes.queue)}
        />
        <CounterTile
          label='已逾期'
          value={counters ? String(counters.overdue) : '–'}
          tone={counters?.overdue ? 'alert' : 'normal'}
          testId='counter-overdue'
          onClick={() => go(withQuery(reviewRoutes.queue, { overdue: 'true' }))}
        />
        <CounterTile
          label='下级逾期上报'
          value={counters ? String(counters.escalated) : '–'}
          tone={counters?.escalated ? 'alert' : 'normal'}
          testId='counter-escalated'
          onClick={() => go(reviewRoutes.queue)}
        />
        <CounterTile
          label='本期剩余配额'
          value={counters ? (counters.quotaLeft === null ? '不限' : String(counters.quotaLeft)) : '–'}
          tone={counters?.quotaLeft === null ? 'muted' : counters?.quotaLeft === 0 ? 'alert' : 'normal'}
          testId='counter-quota'
          onClick={() => go(reviewRoutes.stats)}
        />
      </View>

      <Button type='primary' size='large' block onClick={() => go(reviewRoutes.queue)}>
        开始审核
      </Button>

      <View className='review-home__menu'>
        <MessageEntry />
        <MenuList
          entries={[
            { title: '审核队列', description: '可批量通过', url: reviewRoutes.queue },
            { title: '通行证管理', description: '撤销、行程轨迹', url: reviewRoutes.passes },
            { title: '疑似克隆告警', description: '一证多车', url: reviewRoutes.alerts },
            { title: '统计分析', description: '签发量、配额、逾期', url: reviewRoutes.stats },
            {
              title: '待核验企业',
              description: '核验后方可申请',
              extra: data?.pendingEnterprises ? `${data.pendingEnterprises} 家` : undefined,
              url: reviewRoutes.enterprises,
            },
          ]}
        />
      </View>

      <SignOutButton />
    </Screen>
  );
}
