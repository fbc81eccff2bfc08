export const Role = {
  /** 车队管理员: applies for passes on behalf of one enterprise. */
  FleetManager: 'fleet_manager',
  /** 审核人员: reviews applications in one jurisdiction at one level of the approval chain. */
  Official: 'official',
  /** 卡口人员: verifies passes at one checkpoint. */
  CheckpointStaff: 'checkpoint_staff',
  Admin: 'admin',
} as const;

export type Role = (typeof Role)[keyof typeof Role];

export const roleNames: Record<Role, string> = {
  fleet_manager: '车队管理员',
  official: '审核人员',
  checkpoint_staff: '卡口人员',
  admin: '系统管理员',
};
