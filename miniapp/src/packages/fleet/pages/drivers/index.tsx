import { crewRoleNames, type DriverView, maskPhone, Role } from '@pass/shared';
import { Denied } from '@/components/denied';
import { useRolePage } from '@/hooks/use-role-page';
import { routes } from '@/services/routes';
import { RegisterList } from '../../components/register-list';
import { driversApi } from '../../services/fleet-api';

const list = { testId: 'driver-item', empty: '尚未登记司乘人员，登记后申请时可直接选择', add: '登记司乘人员' };
const cellOf = (driver: DriverView) => ({
  title: `${driver.name}（${crewRoleNames[driver.role]}）`,
  description: `身份证 ${driver.idNumber} · 手机 ${maskPhone(driver.phone)}`,
});

export default function Drivers() {
  const { denied, data, error } = useRolePage(Role.FleetManager, driversApi.list);
  if (denied) return <Denied who='车队管理员' />;
  return <RegisterList {...list} items={data} error={error} form={routes.driverForm} cell={cellOf} />;
}
