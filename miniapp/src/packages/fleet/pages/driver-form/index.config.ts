export default definePageConfig({
  navigationBarTitleText: '登记司乘人员',
});
