export default definePageConfig({
  navigationBarTitleText: '司乘人员',
});
