export default definePageConfig({ navigationBarTitleText: '配额管理' });
