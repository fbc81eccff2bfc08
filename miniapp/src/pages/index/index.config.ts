export default definePageConfig({
  navigationBarTitleText: '重点物资运输车辆通行证',
});
