export default definePageConfig({ navigationBarTitleText: '卡口' });
