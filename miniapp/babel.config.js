// babel-preset-taro 更多选项和默认值：
// https://docs.taro.zone/docs/next/babel-config
const { browsers } = require('./config/weapp-base-library');

/**
 * WeChat names a control by `aria-role`; a browser knows no such attribute (axe-core counts it as an
 * invalid ARIA attribute) and reads `role` instead. The H5 build drops `aria-role` from every JSX
 * element, so components write both and each platform keeps its own. A Babel visitor, not a wrapper
 * component: the attribute is in hundreds of places, including NutUI-free plain Views.
 */
const dropWeChatRole = () => ({
  visitor: {
    JSXAttribute(path) {
      if (path.node.name.name === 'aria-role') path.remove();
    },
  },
});

module.exports = {
  presets: [
    [
      'taro',
      {
        framework: 'react',
        ts: true,
        compiler: 'webpack5',
        // WeChat runs the weapp output as it is (project.config.json has es6 off): compile it for the
        // engines of the minimum base library. H5 keeps package.json's browserslist.
        ...(process.env.TARO_ENV === 'weapp' ? { targets: browsers } : {}),
      },
    ],
  ],
  plugins: [
    ...(process.env.TARO_ENV === 'h5' ? [dropWeChatRole] : []),
    // NutUI React Taro's on-demand import, as its guide shows: code writes
    // `import { Button } from '@nutui/nutui-react-taro'` and gets only that component's module and CSS,
    // so each subpackage carries only the components it shows.
    [
      'import',
      {
        libraryName: '@nutui/nutui-react-taro',
        camel2DashComponentName: false,
        customName: (name) => `@nutui/nutui-react-taro/dist/es/packages/${name.toLowerCase()}`,
        customStyleName: (name) => `@nutui/nutui-react-taro/dist/es/packages/${name.toLowerCase()}/style/css`,
      },
      'nutui-react-taro',
    ],
  ],
};
