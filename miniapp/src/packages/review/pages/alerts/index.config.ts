export default definePageConfig({
  navigationBarTitleText: '疑似克隆告警',
  enablePullDownRefresh: true,
});
