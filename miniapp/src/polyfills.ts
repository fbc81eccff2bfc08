/**
 * Built-ins that the oldest phones the mini-program supports may lack, for dependencies that call
 * them. @noble/hashes (offline verification of a pass) calls Object.hasOwn, which JavaScriptCore
 * gained in iOS 15.4; WeChat's base library adds it only from some versions on.
 */
const objectConstructor = Object as ObjectConstructor & { hasOwn?: (object: object, key: PropertyKey) => boolean };
if (typeof objectConstructor.hasOwn !== 'function') {
  Object.defineProperty(Object, 'hasOwn', {
    configurable: true,
    writable: true,
    // biome-ignore lint/suspicious/noPrototypeBuiltins: this defines Object.hasOwn
    value: (object: object, key: PropertyKey) => Object.prototype.hasOwnProperty.call(object, key),
  });
}
