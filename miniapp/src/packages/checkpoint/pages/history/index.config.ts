export default definePageConfig({
  navigationBarTitleText: '查验记录',
});
