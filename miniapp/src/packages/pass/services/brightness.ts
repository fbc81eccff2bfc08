/**
 * H5: a web page cannot change the screen's brightness; the driver turns it up by hand. The WeChat
 * build uses `brightness.weapp.ts`. Resolves with the function that undoes the change.
 */
export function raiseBrightness(): Promise<() => void> {
  return Promise.resolve(() => undefined);
}
