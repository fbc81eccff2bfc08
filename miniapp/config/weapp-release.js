// What a production (NODE_ENV=production) WeChat build needs from its environment: the API's https
// origin (TARO_APP_API_BASE; WeChat calls only https domains on its whitelist) and the mini-program's
// appid (TARO_APP_ID, which Taro writes into the output's project.config.json). config/index.ts
// refuses to build without them; the weapp tests check this function.

/** The problems with a weapp build's settings, in words; empty when the build may go ahead. */
function weappBuildProblems({ apiBase, appId }) {
  const problems = [];
  if (!apiBase)
    problems.push('TARO_APP_API_BASE is not set (the https origin of the API, e.g. https://pass.example.gov.cn)');
  else if (!/^https:\/\/[^/\s]+$/.test(apiBase)) {
    problems.push(`TARO_APP_API_BASE must be an https origin without a path, not ${apiBase}`);
  }
  if (!appId) problems.push('TARO_APP_ID is not set (the appid of the mini-program)');
  return problems;
}

module.exports = { weappBuildProblems };
