export default definePageConfig({
  navigationBarTitleText: '车队管理',
});
