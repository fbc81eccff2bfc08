export default definePageConfig({
  navigationBarTitleText: '通行证管理',
  enablePullDownRefresh: true,
});
