export default definePageConfig({
  navigationBarTitleText: '通行证详情',
});
