export const Role = {
  /** 车队管理员: applies for passes on behalf of one enterprise. */
  FleetManager: 'fleet_manager',
  /** 审核人员: reviews applications in one jurisdiction at one level of the approval chain. */
  Official: 'official',
  /** 卡口人员: verifies passes at one checkpoint. */
  CheckpointStaff: 'checkpoint_staff',
  Admin: 'admin',
  /**
   * 驾驶员/押运员: a crew member signed in with a one-time SMS code to the phone on their driver record;
   * sees only the passes they ride on. Not an account: no password, no admin-managed record.
   */
  Crew: 'crew',
} as const;

export type Role = (typeof Role)[keyof typeof Role];

export const roleNames: Record<Role, string> = {
  fleet_manager: '车队管理员',
  official: '审核人员',
  checkpoint_staff: '卡口人员',
  admin: '系统管理员',
  crew: '驾驶员/押运员',
};

/** The roles of accounts (staff and fleet managers); a crew session is not one. */
export const accountRoles: readonly Role[] = [Role.FleetManager, Role.Official, Role.CheckpointStaff, Role.Admin];
