// babel-preset-taro 更多选项和默认值：
// https://docs.taro.zone/docs/next/babel-config
const { browsers } = require('./config/weapp-base-library');

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
};
