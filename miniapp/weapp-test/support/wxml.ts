import { createContext, runInContext } from 'node:vm';

/** A node of the tree that Tencent's compiled WXML produces from page data (what WeChat's view layer renders). */
export interface WxmlNode {
  tag: string;
  attr?: Record<string, unknown>;
  children?: (WxmlNode | string)[];
}

export type PageRenderer = (data: Record<string, unknown>) => WxmlNode;

/**
 * Loads the script `wcc` compiled from the build's WXML in a realm of its own (it is view-layer code:
 * it expects a `window`) and returns the renderer of each compiled file.
 */
export function loadWxml(script: string): (path: string) => PageRenderer | undefined {
  const realm = createContext({ window: {}, console: { log() {}, warn() {}, error() {} } });
  runInContext(script, realm, { filename: 'wcc-output.js' });
  const gwx = runInContext('$gwx', realm) as (
    path: string,
  ) => ((env: unknown, dd: unknown, global: unknown) => WxmlNode) | undefined;
  return (path) => {
    const generate = gwx(path);
    if (typeof generate !== 'function') return undefined;
    return (data) => {
      // WXML templates read page data with plain property access: hand them a copy made in their realm.
      const copy = runInContext('(function (json) { return JSON.parse(json); })', realm)(JSON.stringify(data));
      return generate(copy, {}, {});
    };
  };
}
