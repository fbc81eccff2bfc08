export default defineAppConfig({
  // The main package holds only the entry, the login page and the request layer; each role's screens
  // are a subpackage, downloaded when first opened, so WeChat's 2 MB main-package limit stays far off.
  pages: ['pages/index/index', 'pages/login/index', 'pages/password/index'],
  subPackages: [
    {
      root: 'packages/fleet',
      pages: [
        'pages/home/index',
        'pages/register/index',
        'pages/enterprise/index',
        'pages/vehicles/index',
        'pages/vehicle-form/index',
        'pages/drivers/index',
        'pages/driver-form/index',
        'pages/applications/index',
        'pages/application-form/index',
        'pages/application-detail/index',
      ],
    },
    {
      root: 'packages/review',
      pages: [
        'pages/home/index',
        'pages/queue/index',
        'pages/detail/index',
        'pages/passes/index',
        'pages/pass/index',
        'pages/alerts/index',
        'pages/stats/index',
        'pages/enterprises/index',
      ],
    },
    { root: 'packages/checkpoint', pages: ['pages/home/index', 'pages/result/index', 'pages/history/index'] },
    { root: 'packages/pass', pages: ['pages/list/index', 'pages/detail/index', 'pages/sign-in/index'] },
    { root: 'packages/messages', pages: ['pages/list/index'] },
    {
      root: 'packages/admin',
      pages: [
        'pages/home/index',
        'pages/accounts/index',
        'pages/account-form/index',
        'pages/checkpoints/index',
        'pages/checkpoint-form/index',
        'pages/quotas/index',
        'pages/sanctions/index',
        'pages/audit/index',
        'pages/settings/index',
        'pages/whitelist/index',
        'pages/holidays/index',
        'pages/departments/index',
        'pages/federation/index',
      ],
    },
  ],
  preloadRule: {
    // The crew sign-in is in the pass package: a driver who taps it goes on to their passes.
    'pages/login/index': { network: 'all', packages: ['packages/fleet', 'packages/pass'] },
    // The pass screen must already be on the phone when the driver loses signal.
    'packages/fleet/pages/home/index': { network: 'all', packages: ['packages/pass'] },
  },
  window: {
    // In H5 this turns on Taro's own title bar, with a back button: a browser page has no other.
    navigationStyle: 'default',
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#1f7a4d',
    navigationBarTitleText: '重点物资运输车辆通行证',
    navigationBarTextStyle: 'white',
  },
});
