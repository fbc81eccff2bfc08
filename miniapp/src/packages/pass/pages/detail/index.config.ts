export default definePageConfig({
  navigationBarTitleText: '通行证',
  navigationBarBackgroundColor: '#1f7a4d',
});
