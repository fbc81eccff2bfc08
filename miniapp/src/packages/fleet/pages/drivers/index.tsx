import { crewRoleNames, type DriverView, maskPhone } from '@pass/shared';
import { routes } from '@/services/routes';
import { RegisterList } from '../../components/register-list';
import { driversApi } from '../../services/fleet-api';

const list = {
  testId: 'driver-item',
  empty: '尚未登记司乘人员，登记后申请时可直接选择',
  add: '登记司乘人员',
  search: { placeholder: '姓名（或其开头）', what: '司乘人员' },
};
const cellOf = (driver: DriverView) => ({
  title: `${driver.name}（${crewRoleNames[driver.role]}）`,
  description: `身份证 ${driver.idNumber} · 手机 ${maskPhone(driver.phone)}`,
});

export default function Drivers() {
  return <RegisterList {...list} load={driversApi.list} form={routes.driverForm} cell={cellOf} />;
}
