// The oldest WeChat base library (基础库) the mini-program supports. Set the same version as
// "最低基础库版本" in the WeChat admin console; project.config.json's libVersion and the weapp tests
// read it from here. miniprogram-compat maps it to the JS engines it runs on (iOS 13 JavaScriptCore,
// Chrome 86 V8), and Babel compiles the weapp output, dependencies included, down to those.
const { getBrowsersList } = require('miniprogram-compat');

const minBaseLibrary = '2.30.0';

module.exports = { minBaseLibrary, browsers: getBrowsersList(minBaseLibrary) };
