export default definePageConfig({
  navigationBarTitleText: '驾驶员/押运员登录',
});
