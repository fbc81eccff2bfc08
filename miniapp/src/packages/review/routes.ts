/** This package's pages; `@/services/routes` knows only each role's home. */
export const reviewRoutes = {
  home: '/packages/review/pages/home/index',
  queue: '/packages/review/pages/queue/index',
  detail: '/packages/review/pages/detail/index',
  passes: '/packages/review/pages/passes/index',
  pass: '/packages/review/pages/pass/index',
  alerts: '/packages/review/pages/alerts/index',
  stats: '/packages/review/pages/stats/index',
  enterprises: '/packages/review/pages/enterprises/index',
} as const;
