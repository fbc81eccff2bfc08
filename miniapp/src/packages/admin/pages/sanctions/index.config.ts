export default definePageConfig({ navigationBarTitleText: '黑名单与熔断' });
