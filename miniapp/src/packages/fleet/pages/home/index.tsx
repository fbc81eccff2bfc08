import { Button } from '@nutui/nutui-react-taro';
import { type ApplicationView, type DriverView, type EnterpriseView, Role, type VehicleView } from '@pass/shared';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { CareSwitch } from '@/components/care-switch';
import { Denied } from '@/components/denied';
import { MenuList } from '@/components/menu-list';
import { MessageEntry } from '@/components/message-entry';
import { Screen } from '@/components/screen';
import { SignOutButton } from '@/components/sign-out-button';
import { ToneTag } from '@/components/status-tag';
import { useCareMode } from '@/hooks/use-care-mode';
import { useRolePage } from '@/hooks/use-role-page';
import { routes, withQuery } from '@/services/routes';
import { loadSession } from '@/services/session';
import { ApplicationCard } from '../../components/application-card';
import { applicationsApi, driversApi, enterpriseApi, vehiclesApi } from '../../services/fleet-api';
import './index.scss';

interface FleetOverview {
  enterprise: EnterpriseView;
  vehicles: VehicleView[];
  drivers: DriverView[];
  recent: ApplicationView[];
}

async function loadOverview(): Promise<FleetOverview> {
  const [enterprise, vehicles, drivers, page] = await Promise.all([
    enterpriseApi.mine(),
    vehiclesApi.list(),
    driversApi.list(),
    applicationsApi.list({ limit: 3 }),
  ]);
  return { enterprise, vehicles, drivers, recent: page.items };
}

const go = (url: string) => Taro.navigateTo({ url });

/** 车队管理员's home: the enterprise's standing, the next thing to do, and the latest applications. */
export default function FleetHome() {
  const { careMode, switchCareMode } = useCareMode();
  const { denied, data, error } = useRolePage(Role.FleetManager, loadOverview);
  const account = loadSession()?.account;
  const plateOf = (id: string | null) => data?.vehicles.find((v) => v.id === id)?.plate;

  if (denied) return <Denied who='车队管理员' />;

  return (
    <Screen className='screen fleet-home'>
      <View className='fleet-home__banner'>
        <Text className='fleet-home__enterprise' data-testid='enterprise-name'>
          {data?.enterprise.name ?? ' '}
        </Text>
        <Text className='fleet-home__greeting'>{account ? `${account.name}，您好` : ''}</Text>
        {data && (
          <View className='fleet-home__tags'>
            {data.enterprise.verified ? <ToneTag tone='banner'>已核验</ToneTag> : <ToneTag tone='warn'>待核验</ToneTag>}
            {data.enterprise.whitelisted && <ToneTag tone='banner'>白名单企业</ToneTag>}
          </View>
        )}
      </View>

      {error && <Text className='error-text'>{error}</Text>}

      {data && !data.enterprise.verified && (
        <View className='fleet-home__notice' data-testid='unverified-notice'>
          <Text>企业信息正在等待审核部门核验，核验通过后即可提交通行证申请。现在可以先登记车辆和司乘人员。</Text>
        </View>
      )}

      <Button type='primary' size='large' block onClick={() => go(routes.applicationForm)}>
        新建通行证申请
      </Button>

      <View className='fleet-home__menu'>
        <MessageEntry />
        <MenuList
          entries={[
            { title: '我的申请', url: routes.applications },
            { title: '我的通行证', url: routes.passes },
            {
              title: '车辆管理',
              description: '登记一次，申请时直接选择',
              extra: data && `${data.vehicles.length} 辆`,
              url: routes.vehicles,
            },
            {
              title: '司乘人员',
              description: '驾驶员、副驾驶员、押运员',
              extra: data && `${data.drivers.length} 人`,
              url: routes.drivers,
            },
            { title: '企业信息', url: routes.enterprise },
          ]}
        />
      </View>

      {data && data.recent.length > 0 && (
        <View className='fleet-home__recent'>
          <Text className='fleet-home__heading'>最近的申请</Text>
          {data.recent.map((application) => (
            <ApplicationCard
              key={application.id}
              application={application}
              plate={plateOf(application.vehicleId) ?? undefined}
              onOpen={() => go(withQuery(routes.applicationDetail, { id: application.id }))}
            />
          ))}
        </View>
      )}

      <CareSwitch on={careMode} onChange={switchCareMode} />

      <SignOutButton />
    </Screen>
  );
}
