export default definePageConfig({ navigationBarTitleText: '核发单位与值班电话' });
