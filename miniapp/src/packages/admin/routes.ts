/** This package's pages; `@/services/routes` knows only its home. */
export const adminRoutes = {
  home: '/packages/admin/pages/home/index',
  accounts: '/packages/admin/pages/accounts/index',
  accountForm: '/packages/admin/pages/account-form/index',
  checkpoints: '/packages/admin/pages/checkpoints/index',
  checkpointForm: '/packages/admin/pages/checkpoint-form/index',
  quotas: '/packages/admin/pages/quotas/index',
  sanctions: '/packages/admin/pages/sanctions/index',
  audit: '/packages/admin/pages/audit/index',
  settings: '/packages/admin/pages/settings/index',
  whitelist: '/packages/admin/pages/whitelist/index',
  holidays: '/packages/admin/pages/holidays/index',
  departments: '/packages/admin/pages/departments/index',
  /** The review package's page, which the admin shares with officials (the whole province). */
  cloneAlerts: '/packages/review/pages/alerts/index',
  /** Pass management, shared with officials likewise: every pass of the province, searchable. */
  passes: '/packages/review/pages/passes/index',
  federation: '/packages/admin/pages/federation/index',
} as const;
