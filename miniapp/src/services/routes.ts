import { Role } from '@pass/shared';

/** Every page's path in one place, so a moved page breaks the type check instead of a tap. */
export const routes = {
  home: '/pages/index/index',
  login: '/pages/login/index',
  password: '/pages/password/index',
  register: '/packages/fleet/pages/register/index',
  fleetHome: '/packages/fleet/pages/home/index',
  enterprise: '/packages/fleet/pages/enterprise/index',
  vehicles: '/packages/fleet/pages/vehicles/index',
  vehicleForm: '/packages/fleet/pages/vehicle-form/index',
  drivers: '/packages/fleet/pages/drivers/index',
  driverForm: '/packages/fleet/pages/driver-form/index',
  applications: '/packages/fleet/pages/applications/index',
  applicationForm: '/packages/fleet/pages/application-form/index',
  applicationDetail: '/packages/fleet/pages/application-detail/index',
  reviewHome: '/packages/review/pages/home/index',
  adminHome: '/packages/admin/pages/home/index',
  checkpointHome: '/packages/checkpoint/pages/home/index',
  checkpointResult: '/packages/checkpoint/pages/result/index',
  passes: '/packages/pass/pages/list/index',
  pass: '/packages/pass/pages/detail/index',
  crewSignIn: '/packages/pass/pages/sign-in/index',
  messages: '/packages/messages/pages/list/index',
} as const;

/** Where each role starts. */
export const roleHome: Record<Role, string> = {
  [Role.FleetManager]: routes.fleetHome,
  [Role.Official]: routes.reviewHome,
  [Role.CheckpointStaff]: routes.checkpointHome,
  [Role.Admin]: routes.adminHome,
  // A crew member has no home but the passes they ride on.
  [Role.Crew]: routes.passes,
};

/** `/path?a=1&b=2`, skipping absent values. */
export function withQuery(path: string, query: Record<string, string | number | undefined | null>): string {
  const pairs = Object.entries(query)
    .filter(([, value]) => value !== undefined && value !== null && value !== '')
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`);
  return pairs.length ? `${path}?${pairs.join('&')}` : path;
}
