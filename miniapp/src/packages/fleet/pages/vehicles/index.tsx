import { formatPlate, plateColourNames, Role, type VehicleView, vehicleTypes } from '@pass/shared';
import { Denied } from '@/components/denied';
import { useRolePage } from '@/hooks/use-role-page';
import { routes } from '@/services/routes';
import { RegisterList } from '../../components/register-list';
import { vehiclesApi } from '../../services/fleet-api';

const list = { testId: 'vehicle-item', empty: '尚未登记车辆，登记后申请时可直接选择', add: '登记车辆' };
const cellOf = (vehicle: VehicleView) => ({
  title: `${formatPlate(vehicle.plate)}（${plateColourNames[vehicle.plateColour]}）`,
  description: `${vehicleTypes[vehicle.vehicleType].name} · 道路运输证 ${vehicle.transportLicenseNumber}`,
});

export default function Vehicles() {
  const { denied, data, error } = useRolePage(Role.FleetManager, vehiclesApi.list);
  if (denied) return <Denied who='车队管理员' />;
  return <RegisterList {...list} items={data} error={error} form={routes.vehicleForm} cell={cellOf} />;
}
