import { Button, Cell, CellGroup } from '@nutui/nutui-react-taro';
import { formatPlate, plateColourNames, Role, vehicleTypes } from '@pass/shared';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Denied } from '@/components/denied';
import { useRolePage } from '@/hooks/use-role-page';
import { routes, withQuery } from '@/services/routes';
import { EmptyState } from '../../components/empty-state';
import { vehiclesApi } from '../../services/fleet-api';

export default function Vehicles() {
  const { denied, data: vehicles, error } = useRolePage(Role.FleetManager, vehiclesApi.list);
  const add = () => Taro.navigateTo({ url: routes.vehicleForm });

  if (denied) return <Denied who='车队管理员' />;

  return (
    <View className='screen'>
      {error && <Text className='error-text'>{error}</Text>}
      {vehicles && vehicles.length === 0 && <EmptyState title='尚未登记车辆，登记后申请时可直接选择' />}
      {vehicles && vehicles.length > 0 && (
        <CellGroup>
          {vehicles.map((vehicle) => (
            // NutUI's Cell does not pass data-* attributes on; the wrapper carries the test id.
            <View key={vehicle.id} data-testid='vehicle-item'>
              <Cell
                title={`${formatPlate(vehicle.plate)}（${plateColourNames[vehicle.plateColour]}）`}
                description={`${vehicleTypes[vehicle.vehicleType].name} · 道路运输证 ${vehicle.transportLicenseNumber}`}
                extra='›'
                clickable
                onClick={() => Taro.navigateTo({ url: withQuery(routes.vehicleForm, { id: vehicle.id }) })}
              />
            </View>
          ))}
        </CellGroup>
      )}
      <View className='action-bar'>
        <Button type='primary' size='large' onClick={add}>
          登记车辆
        </Button>
      </View>
    </View>
  );
}
