import { Button, Cell, CellGroup } from '@nutui/nutui-react-taro';
import { crewRoleNames, maskPhone, Role } from '@pass/shared';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Denied } from '@/components/denied';
import { useRolePage } from '@/hooks/use-role-page';
import { routes, withQuery } from '@/services/routes';
import { EmptyState } from '../../components/empty-state';
import { driversApi } from '../../services/fleet-api';

export default function Drivers() {
  const { denied, data: drivers, error } = useRolePage(Role.FleetManager, driversApi.list);

  if (denied) return <Denied who='车队管理员' />;

  return (
    <View className='screen'>
      {error && <Text className='error-text'>{error}</Text>}
      {drivers && drivers.length === 0 && <EmptyState title='尚未登记司乘人员，登记后申请时可直接选择' />}
      {drivers && drivers.length > 0 && (
        <CellGroup>
          {drivers.map((driver) => (
            // NutUI's Cell does not pass data-* attributes on; the wrapper carries the test id.
            <View key={driver.id} data-testid='driver-item'>
              <Cell
                title={`${driver.name}（${crewRoleNames[driver.role]}）`}
                description={`身份证 ${driver.idNumber} · 手机 ${maskPhone(driver.phone)}`}
                extra='›'
                clickable
                onClick={() => Taro.navigateTo({ url: withQuery(routes.driverForm, { id: driver.id }) })}
              />
            </View>
          ))}
        </CellGroup>
      )}
      <View className='action-bar'>
        <Button type='primary' size='large' onClick={() => Taro.navigateTo({ url: routes.driverForm })}>
          登记司乘人员
        </Button>
      </View>
    </View>
  );
}
