/** This package's pages; `@/services/routes` knows only each role's home. */
export const passRoutes = {
  list: '/packages/pass/pages/list/index',
  /** `?id=` a pass, or `?applicationId=` the application it was issued for. */
  detail: '/packages/pass/pages/detail/index',
} as const;
