export default definePageConfig({
  navigationBarTitleText: '我的通行证',
  enablePullDownRefresh: true,
});
