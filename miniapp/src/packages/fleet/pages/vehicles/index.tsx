import { formatPlate, plateColourNames, type VehicleView, vehicleTypes } from '@pass/shared';
import { routes } from '@/services/routes';
import { RegisterList } from '../../components/register-list';
import { vehiclesApi } from '../../services/fleet-api';

const list = { testId: 'vehicle-item', noun: '车辆', searchPlaceholder: '车牌号码（或其开头）' };
const cellOf = (vehicle: VehicleView) => ({
  title: `${formatPlate(vehicle.plate)}（${plateColourNames[vehicle.plateColour]}）`,
  description: `${vehicleTypes[vehicle.vehicleType].name} · 道路运输证 ${vehicle.transportLicenseNumber}`,
});

export default function Vehicles() {
  return <RegisterList {...list} load={vehiclesApi.list} form={routes.vehicleForm} cell={cellOf} />;
}
