import { crewRoleNames, type DriverView, maskPhone } from '@pass/shared';
import { routes } from '@/services/routes';
import { RegisterList } from '../../components/register-list';
import { driversApi } from '../../services/fleet-api';

const list = { testId: 'driver-item', noun: '司乘人员', searchPlaceholder: '姓名（或其开头）' };
const cellOf = (driver: DriverView) => ({
  title: `${driver.name}（${crewRoleNames[driver.role]}）`,
  description: `身份证 ${driver.idNumber} · 手机 ${maskPhone(driver.phone)}`,
});

export default function Drivers() {
  return <RegisterList {...list} load={driversApi.list} form={routes.driverForm} cell={cellOf} />;
}
