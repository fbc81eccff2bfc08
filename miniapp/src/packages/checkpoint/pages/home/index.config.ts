export default definePageConfig({
  navigationBarTitleText: '卡口核验',
});
