export default definePageConfig({
  navigationBarTitleText: '通行证申请',
});
