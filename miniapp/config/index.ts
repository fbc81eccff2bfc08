import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import TsconfigPathsPlugin from 'tsconfig-paths-webpack-plugin';
import devConfig from './dev';
import { addH5Delivery } from './h5-delivery';
import { addOfflineApp, iconDataUrl } from './offline-app';
import prodConfig from './prod';
import { rootFontScript } from './root-font';
import { weappBuildProblems } from './weapp-release';

// The shared package is ES2022; let Taro's Babel bring it down to what each target's runtime takes.
const sharedPackage = path.resolve(__dirname, '..', '..', 'shared');
// Dependencies ship ES2020+ (zod, NutUI); WeChat on the minimum base library parses ES2019 at most,
// so the weapp build runs Babel over them too (babel-preset-taro leaves @babel/runtime and core-js be).
const dependencyScript = (file: string) => /node_modules[\\/]/.test(file) && /\.[cm]?js$/.test(file);

export default defineConfig<'webpack5'>(async (merge) => {
  // A production WeChat build must not bake in a development API address or the tourist appid.
  if (process.env.TARO_ENV === 'weapp' && process.env.NODE_ENV === 'production') {
    const problems = weappBuildProblems({ apiBase: process.env.TARO_APP_API_BASE, appId: process.env.TARO_APP_ID });
    if (problems.length) throw new Error(`the WeChat build cannot go ahead:\n- ${problems.join('\n- ')}`);
  }
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'key-material-pass',
    date: '2026-11-22',
    // NutUI React Taro is drawn at 375; everything of ours at Taro's 750.
    designWidth(input) {
      const file = typeof input === 'object' && input?.file ? input.file.replace(/\\+/g, '/') : '';
      return file.includes('@nutui') ? 375 : 750;
    },
    deviceRatio: {
      640: 2.34 / 2,
      750: 1,
      375: 2,
      828: 1.81 / 2,
    },
    sourceRoot: 'src',
    // One folder per target so the weapp and h5 builds never overwrite each other.
    outputRoot: `dist/${process.env.TARO_ENV}`,
    plugins: [path.resolve(__dirname, 'weapp-aria.js')],
    defineConstants: {},
    // Taro defines only what .env files name; a release takes the API origin from its environment.
    env: process.env.TARO_APP_API_BASE ? { TARO_APP_API_BASE: JSON.stringify(process.env.TARO_APP_API_BASE) } : {},
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    mini: {
      compile: { include: [sharedPackage, dependencyScript] },
      // NutUI's per-component styles and ours never style the same elements, so their order across
      // pages does not matter.
      miniCssExtractPluginOption: { ignoreOrder: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false },
      },
      webpackChain(chain) {
        chain.resolve.plugin('tsconfig-paths').use(TsconfigPathsPlugin);
      },
    },
    h5: {
      compile: { include: [sharedPackage] },
      publicPath: '/',
      // Replaces Taro's width-based root font size (see root-font.ts); the favicon, inline.
      htmlPluginOption: { script: rootFontScript, iconDataUrl },
      staticDirectory: 'static',
      router: { mode: 'hash' },
      output: {
        filename: 'js/[name].[hash:8].js',
        chunkFilename: 'js/[name].[chunkhash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[hash].css',
        chunkFilename: 'css/[name].[chunkhash].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false },
      },
      webpackChain(chain) {
        chain.resolve.plugin('tsconfig-paths').use(TsconfigPathsPlugin);
        if (process.env.NODE_ENV !== 'development') {
          addH5Delivery(chain);
          addOfflineApp(chain);
        }
      },
    },
  };
  if (process.env.NODE_ENV === 'development') return merge({}, baseConfig, devConfig);
  return merge({}, baseConfig, prodConfig);
});
