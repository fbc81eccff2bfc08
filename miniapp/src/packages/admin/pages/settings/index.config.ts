export default definePageConfig({ navigationBarTitleText: '全省设置' });
