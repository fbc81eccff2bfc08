export default defineAppConfig({
  pages: ['pages/index/index'],
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#1f7a4d',
    navigationBarTitleText: '重点物资运输车辆通行证',
    navigationBarTextStyle: 'white',
  },
});
