/** This package's pages; `@/services/routes` knows only each role's home. */
export const checkpointRoutes = {
  home: '/packages/checkpoint/pages/home/index',
  /** `?url=` a scanned pass URL, `?q=` WeChat's encoded launch URL, or `?number=` a typed pass number. */
  result: '/packages/checkpoint/pages/result/index',
  history: '/packages/checkpoint/pages/history/index',
} as const;
