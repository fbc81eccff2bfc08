export default definePageConfig({ navigationBarTitleText: '外省签发方（全国互认）' });
