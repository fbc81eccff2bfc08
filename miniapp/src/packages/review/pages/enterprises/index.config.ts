export default definePageConfig({
  navigationBarTitleText: '待核验企业',
});
