import { readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { createContext, runInContext } from 'node:vm';
import { compileWxml } from './compilers.js';
import { builtApiBase, weappRoot } from './weapp-build.js';
import { createWx, newPhoneState, type PhoneState } from './wx.js';
import { loadWxml, type PageRenderer, type WxmlNode } from './wxml.js';

/** The arguments WeChat's module wrapper passes to each file: browser globals are undefined there. */
const wrapperParameters = [
  'require',
  'module',
  'exports',
  'window',
  'document',
  'frames',
  'self',
  'location',
  'navigator',
  'localStorage',
  'history',
  'Caches',
  'screen',
  'alert',
  'confirm',
  'prompt',
  'XMLHttpRequest',
  'WebSocket',
];

/**
 * WeChat's logic layer allows `Function` only as `new Function('return this')` (how libraries find
 * the global object); anything else builds no function and the call returns the new object, so code
 * that probes `new Function('')` believes it works and fails later. `eval` throws.
 */
const weChatFunctionScript = `(function (report) {
  var NativeFunction = Function;
  var global = this;
  function WeChatFunction() {
    var body = arguments.length ? String(arguments[arguments.length - 1]) : '';
    if (arguments.length <= 1 && /^\\s*return this;?\\s*$/.test(body)) return function () { return global; };
    report('new Function(' + JSON.stringify(body.slice(0, 60)) + ') is not allowed in WeChat');
  }
  WeChatFunction.prototype = NativeFunction.prototype;
  Object.defineProperty(NativeFunction.prototype, 'constructor', { value: WeChatFunction, configurable: true, writable: true });
  this.Function = WeChatFunction;
  this.eval = function () { report('eval is not allowed in WeChat'); throw new Error('eval is not allowed'); };
})`;

export interface WeappPage {
  route: string;
  options: Record<string, string>;
  data: Record<string, unknown>;
  instance: Record<string, unknown>;
}

export interface RenderedNode {
  tag: string;
  attr: Record<string, unknown>;
  children: (RenderedNode | string)[];
  parent?: RenderedNode;
  /** The component instance whose handlers this node's events reach (Taro's `comp`), if not the page. */
  owner?: Record<string, unknown>;
}

let wxmlCache: ((path: string) => PageRenderer | undefined) | undefined;

/**
 * The built weapp (`dist/weapp`) running as WeChat's logic layer runs it: one `vm` realm with only
 * ECMAScript built-ins (no window/document/TextEncoder/atob/fetch/URL, no Object.hasOwn as on iOS
 * before 15.4, WeChat's Function), App/Page/Component/getApp/getCurrentPages, WeChat's module
 * wrapper, a page stack, setData with WeChat's path syntax, and `wx` from miniprogram-api-typings with
 * requests forwarded to a real server. Pages render through Tencent's compiled WXML to a node tree.
 */
export class WeappRuntime {
  readonly phone: PhoneState;
  /** Uncaught errors, console.error output and misuse of WeChat APIs: a healthy run has none. */
  readonly problems: string[] = [];
  readonly warnings: string[] = [];
  readonly stack: WeappPage[] = [];
  private readonly realm: Record<string, unknown>;
  private readonly modules = new Map<string, { exports: unknown }>();
  private readonly pageConfigs = new Map<string, Record<string, unknown>>();
  private readonly componentConfigs = new Map<string, Record<string, unknown>>();
  private loadingPath = '';
  private app: Record<string, unknown> | undefined;
  private readonly pending = { requests: 0 };
  private readonly timers = new Map<NodeJS.Timeout, number>();
  private readonly realmJson: (text: string) => unknown;

  constructor(
    readonly serverUrl: string,
    phone: PhoneState = newPhoneState(),
    readonly apiBase: string = builtApiBase(),
  ) {
    this.phone = phone;
    wxmlCache ??= loadWxml(compileWxml());
    const timers = this.timers;
    const guard =
      (fn: unknown, args: unknown[]) =>
      (...rest: unknown[]) => {
        try {
          (fn as (...a: unknown[]) => void)(...args, ...rest);
        } catch (error) {
          this.report(`uncaught error in a timer: ${describe(error)}`);
        }
      };
    const realmConsole = {
      log: () => {},
      info: () => {},
      debug: () => {},
      warn: (...args: unknown[]) => this.warnings.push(args.map(describe).join(' ')),
      error: (...args: unknown[]) => this.report(`console.error: ${args.map(describe).join(' ')}`),
    };
    this.realm = createContext({
      console: realmConsole,
      setTimeout: (fn: unknown, delay = 0, ...args: unknown[]) => {
        const handle = setTimeout(() => {
          timers.delete(handle);
          guard(fn, args)();
        }, Number(delay));
        timers.set(handle, Number(delay));
        return handle;
      },
      clearTimeout: (handle: NodeJS.Timeout) => {
        timers.delete(handle);
        clearTimeout(handle);
      },
      setInterval: (fn: unknown, delay = 0, ...args: unknown[]) => {
        const handle = setInterval(guard(fn, args), Number(delay));
        timers.set(handle, Math.max(1000, Number(delay)));
        return handle;
      },
      clearInterval: (handle: NodeJS.Timeout) => {
        timers.delete(handle);
        clearInterval(handle);
      },
    });
    runInContext('delete Object.hasOwn;', this.realm);
    (runInContext(weChatFunctionScript, this.realm) as (this: unknown, r: (m: string) => void) => void).call(
      runInContext('this', this.realm),
      (message) => this.report(message),
    );
    this.realmJson = runInContext('(function (text) { return JSON.parse(text); })', this.realm) as never;
    const realmArrayBuffer = runInContext('(function (n) { return new Uint8Array(n); })', this.realm) as (
      n: number,
    ) => Uint8Array;
    const wx = createWx(
      {
        toRealm: (value) => (value === undefined ? value : (this.realmJson(JSON.stringify(value)) as typeof value)),
        realmArrayBuffer: (bytes) => {
          const copy = realmArrayBuffer(bytes.length);
          copy.set(bytes);
          return copy.buffer as ArrayBuffer;
        },
        report: (problem) => this.report(problem),
        navigate: (kind, options) => this.navigate(kind, options),
        pending: this.pending,
      },
      this.phone,
      apiBase,
      serverUrl,
    );
    Object.assign(this.realm, {
      wx,
      App: (config: Record<string, unknown>) => {
        this.app = config;
      },
      Page: (config: Record<string, unknown>) => {
        this.pageConfigs.set(this.loadingPath, config);
      },
      Component: (config: Record<string, unknown>) => {
        this.componentConfigs.set(this.loadingPath, config);
      },
      Behavior: (config: unknown) => config,
      getApp: () => this.app,
      getCurrentPages: () => this.stack.map((page) => page.instance),
      requirePlugin: () => {
        throw new Error('no plugins');
      },
    });
  }

  report(problem: string) {
    this.problems.push(problem);
  }

  /** Starts the app as WeChat does on launch: app.js, then the page at `path` with its query. */
  async launch(path = 'pages/index/index', query: Record<string, string> = {}): Promise<void> {
    this.require('app.js', '');
    for (const file of ['comp', 'custom-wrapper']) {
      try {
        this.loadingPath = file;
        this.require(`${file}.js`, '');
      } catch (error) {
        if (!String(error).includes('no such file')) throw error;
      }
    }
    if (!this.app) throw new Error('app.js did not call App()');
    const launchOptions = { path, query, scene: query.q ? 1011 : 1001, referrerInfo: {} };
    this.callHook(this.app, 'onLaunch', launchOptions);
    this.callHook(this.app, 'onShow', launchOptions);
    this.openPage(path, query);
    await this.settle();
  }

  dispose() {
    for (const handle of this.timers.keys()) clearTimeout(handle);
    this.timers.clear();
    while (this.stack.length) this.unloadTop();
  }

  /** Waits until no request is in flight and no short timer is pending (React and Taro have settled). */
  async settle(timeoutMs = 15_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let quiet = 0;
    while (Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 15));
      const busy = this.pending.requests > 0 || [...this.timers.values()].some((delay) => delay <= 300);
      quiet = busy ? 0 : quiet + 1;
      if (quiet >= 4) return;
    }
    throw new Error(`the mini-program did not settle within ${timeoutMs} ms`);
  }

  /** Opens `url` as the only page (wx.reLaunch), as a tap on a link elsewhere in the app would. */
  async reLaunch(url: string): Promise<void> {
    this.navigate('reLaunch', { url: url.startsWith('/') ? url : `/${url}` });
    await this.settle();
  }

  get page(): WeappPage {
    const top = this.stack[this.stack.length - 1];
    if (!top) throw new Error('no page is open');
    return top;
  }

  // ---- modules ------------------------------------------------------------------------------------

  /** Runs `code` as one more file of the mini-program (same wrapper, same realm); returns its module.exports. */
  evaluate(code: string): unknown {
    const module = { exports: {} as unknown };
    const factory = runInContext(`(function (${wrapperParameters.join(', ')}) {${code}\n})`, this.realm, {
      filename: 'evaluated.js',
    }) as (...args: unknown[]) => void;
    factory.call(undefined, (p: string) => this.require(p, ''), module, module.exports);
    return module.exports;
  }

  private require(path: string, fromDir: string): unknown {
    let file = normalize(join(fromDir, path)).replace(/^\/+/, '');
    if (!file.endsWith('.js')) file += '.js';
    const cached = this.modules.get(file);
    if (cached) return cached.exports;
    let code: string;
    try {
      code = readFileSync(join(weappRoot, file), 'utf8');
    } catch {
      throw new Error(`no such file ${file} (required from ${fromDir || '/'})`);
    }
    const module = { exports: {} as unknown };
    this.modules.set(file, module);
    const factory = runInContext(`(function (${wrapperParameters.join(', ')}) {${code}\n})`, this.realm, {
      filename: join(weappRoot, file),
    }) as (...args: unknown[]) => void;
    const dir = dirname(file);
    factory.call(undefined, (p: string) => this.require(p, dir), module, module.exports);
    return module.exports;
  }

  // ---- pages and the router -----------------------------------------------------------------------

  private callHook(target: Record<string, unknown>, hook: string, ...args: unknown[]) {
    const fn = target[hook];
    if (typeof fn !== 'function') return;
    try {
      fn.apply(target, args);
    } catch (error) {
      this.report(`uncaught error in ${hook}: ${describe(error)}`);
    }
  }

  private openPage(url: string, extraQuery: Record<string, string> = {}) {
    const [rawPath, search = ''] = url.split('?');
    const route = rawPath.replace(/^\/+/, '');
    const options: Record<string, string> = { ...extraQuery };
    for (const pair of search.split('&').filter(Boolean)) {
      const [k, v = ''] = pair.split('=');
      options[decodeURIComponent(k)] = decodeURIComponent(v);
    }
    if (!this.pageConfigs.has(route)) {
      this.loadingPath = route;
      this.require(`${route}.js`, '');
    }
    const config = this.pageConfigs.get(route);
    if (!config) throw new Error(`${route}.js did not call Page()`);
    const data: Record<string, unknown> = structuredClone((config.data as Record<string, unknown>) ?? {});
    const instance: Record<string, unknown> = { ...config, data, route, __route__: route, options };
    const page: WeappPage = { route, options, data, instance };
    instance.setData = (changes: Record<string, unknown>, callback?: () => void) => {
      for (const [path, value] of Object.entries(changes ?? {})) setPath(page.data, path, value);
      if (callback) setTimeout(() => this.guarded('setData callback', callback), 0);
    };
    instance.selectComponent = () => null;
    instance.selectAllComponents = () => [];
    instance.createSelectorQuery = () => (this.realm.wx as { createSelectorQuery(): unknown }).createSelectorQuery();
    instance.getOpenerEventChannel = () => ({ emit() {}, on() {}, once() {}, off() {} });
    const previous = this.stack[this.stack.length - 1];
    if (previous) this.callHook(previous.instance, 'onHide');
    this.stack.push(page);
    this.callHook(instance, 'onLoad', this.toRealm(options));
    this.callHook(instance, 'onShow');
    this.callHook(instance, 'onReady');
  }

  private guarded(what: string, fn: () => void) {
    try {
      fn();
    } catch (error) {
      this.report(`uncaught error in ${what}: ${describe(error)}`);
    }
  }

  private unloadTop() {
    const top = this.stack.pop();
    if (top) this.callHook(top.instance, 'onUnload');
  }

  private navigate(kind: string, options: Record<string, unknown>) {
    const done = (ok: boolean, message: string) => {
      const result = this.toRealm({ errMsg: `${kind}:${ok ? 'ok' : `fail ${message}`}` });
      const callback = (ok ? options.success : options.fail) as ((r: unknown) => void) | undefined;
      callback?.(result);
      (options.complete as ((r: unknown) => void) | undefined)?.(result);
    };
    setTimeout(() => {
      try {
        if (kind === 'navigateBack') {
          const delta = Math.max(1, Number(options.delta ?? 1));
          for (let i = 0; i < delta && this.stack.length > 1; i++) this.unloadTop();
          this.callHook(this.page.instance, 'onShow');
          return done(true, '');
        }
        const url = String(options.url ?? '');
        const route = url.split('?')[0].replace(/^\/+/, '');
        if (!route || !readRoutes().includes(route)) {
          this.report(`wx.${kind}: page "${url}" is not in app.json`);
          return done(false, `page "${url}" is not found`);
        }
        if (kind === 'navigateTo' && this.stack.length >= 10) return done(false, 'webview count limit exceed');
        if (kind === 'redirectTo') this.unloadTop();
        if (kind === 'reLaunch' || kind === 'switchTab') while (this.stack.length) this.unloadTop();
        this.openPage(url);
        done(true, '');
      } catch (error) {
        this.report(`uncaught error opening a page: ${describe(error)}`);
        done(false, describe(error));
      }
    }, 0);
  }

  private toRealm<T>(value: T): T {
    return this.realmJson(JSON.stringify(value)) as T;
  }

  // ---- what the user sees and does ----------------------------------------------------------------

  /** The current page rendered through its compiled WXML, Taro's `comp` components expanded. */
  render(page: WeappPage = this.page): RenderedNode {
    const render = wxmlCache!(`${page.route}.wxml`);
    if (!render) throw new Error(`no compiled WXML for ${page.route}`);
    const compRender = wxmlCache!('comp.wxml');
    const expand = (
      node: WxmlNode | string,
      parent?: RenderedNode,
      owner?: Record<string, unknown>,
    ): RenderedNode | string => {
      if (typeof node === 'string') return node;
      const out: RenderedNode = { tag: node.tag, attr: node.attr ?? {}, children: [], parent, owner };
      if (node.tag === 'wx-comp' && compRender) {
        const comp = this.componentConfigs.get('comp');
        const sub = compRender({ i: out.attr.i, l: out.attr.l });
        const compOwner = (comp?.methods as Record<string, unknown>) ?? owner;
        out.children = (sub.children ?? []).map((child) => expand(child, out, compOwner));
        return out;
      }
      out.children = (node.children ?? []).map((child) => expand(child, out, owner));
      return out;
    };
    return expand(render(page.data)) as RenderedNode;
  }

  /** All visible text of the current page, in document order, whitespace collapsed. */
  text(): string {
    return textOf(this.render()).replace(/\s+/g, ' ').trim();
  }

  /** Taps the innermost element showing `text` (the `nth` such, -1 the last), as a finger would: the tap bubbles. */
  async tap(text: string | RegExp, nth = 0): Promise<void> {
    const node = this.findByText(text, nth);
    this.dispatch(node, 'tap', { x: 1, y: 1 });
    await this.settle();
  }

  /** Types `value` into the input or textarea whose placeholder matches (the nth such). */
  async type(placeholder: string | RegExp, value: string, nth = 0): Promise<void> {
    const field = this.findAll(
      this.render(),
      (node) =>
        (node.tag === 'wx-input' || node.tag === 'wx-textarea') &&
        matches(String(node.attr.placeholder ?? ''), placeholder),
    )[nth];
    if (!field)
      throw new Error(`no input with placeholder ${String(placeholder)} on ${this.page.route}:\n${this.text()}`);
    this.dispatch(field, 'focus', { value: String(field.attr.value ?? '') });
    this.dispatch(field, 'input', { value, cursor: value.length, keyCode: 0 });
    this.dispatch(field, 'blur', { value });
    await this.settle();
  }

  /** The shown nodes under `root` that satisfy `predicate`, in document order. */
  findAll(root: RenderedNode, predicate: (node: RenderedNode) => boolean): RenderedNode[] {
    const out: RenderedNode[] = [];
    const visit = (node: RenderedNode) => {
      if (!isShown(node)) return;
      if (predicate(node)) out.push(node);
      for (const child of node.children) if (typeof child !== 'string') visit(child);
    };
    visit(root);
    return out;
  }

  findByText(text: string | RegExp, nth = 0): RenderedNode {
    const root = this.render();
    const candidates = this.findAll(root, (node) => matches(textOf(node), text)).filter(
      (node) => !node.children.some((child) => typeof child !== 'string' && matches(textOf(child), text)),
    );
    // A string names what is shown exactly when something shows exactly that (a button's label).
    const exact = typeof text === 'string' ? candidates.filter((node) => textOf(node).trim() === text) : [];
    const found = exact.length ? exact : candidates;
    const node = found[nth < 0 ? found.length + nth : nth];
    if (!node) throw new Error(`nothing shows ${String(text)} on ${this.page.route}:\n${this.text()}`);
    return node;
  }

  /** Fires `type` at `target` and bubbles it up as WeChat does: each bind* handler runs, catch* stops it. */
  dispatch(target: RenderedNode, type: string, detail: Record<string, unknown>) {
    const dataset = (node: RenderedNode) =>
      Object.fromEntries(
        Object.entries(node.attr)
          .filter(([k]) => k.startsWith('data-'))
          .map(([k, v]) => [k.slice(5).replace(/-([a-z])/g, (_, c: string) => c.toUpperCase()), v]),
      );
    const targetInfo = { id: String(target.attr.id ?? ''), dataset: dataset(target) };
    for (let node: RenderedNode | undefined = target; node; node = node.parent) {
      const bind = node.attr[`bind${type}`] ?? node.attr[`bind:${type}`];
      const capture = node.attr[`catch${type}`] ?? node.attr[`catch:${type}`];
      const handlerName = capture ?? bind;
      if (typeof handlerName === 'string' && handlerName) {
        const owner = node.owner ?? this.page.instance;
        const handler = (owner[handlerName] ?? this.page.instance[handlerName]) as ((e: unknown) => void) | undefined;
        if (!handler) this.report(`no handler ${handlerName} for ${type} on ${node.tag}`);
        else {
          const event = this.toRealm({
            type,
            timeStamp: Date.now(),
            detail,
            target: targetInfo,
            currentTarget: { id: String(node.attr.id ?? ''), dataset: dataset(node) },
            mark: {},
            touches: [],
            changedTouches: [],
          });
          this.guarded(`the ${type} handler`, () => handler.call(owner, event));
        }
      }
      if (capture) break;
    }
  }
}

let routes: string[] | undefined;
function readRoutes(): string[] {
  if (!routes) {
    const app = JSON.parse(readFileSync(join(weappRoot, 'app.json'), 'utf8'));
    routes = [
      ...app.pages,
      ...(app.subPackages ?? []).flatMap((s: { root: string; pages: string[] }) =>
        s.pages.map((p) => `${s.root.replace(/\/$/, '')}/${p}`),
      ),
    ];
  }
  return routes!;
}

const matches = (value: string, expected: string | RegExp) =>
  typeof expected === 'string' ? value.includes(expected) : expected.test(value);

/** Whether WeChat draws the node: not `hidden`, not `display: none` (how closed popups are kept). */
export const isShown = (node: RenderedNode) =>
  node.attr.hidden !== true && !/display:\s*none/.test(String(node.attr.style ?? ''));

export function textOf(node: RenderedNode | string): string {
  if (typeof node === 'string') return node;
  if (!isShown(node)) return '';
  return node.children.map(textOf).join(node.tag === 'wx-view' ? ' ' : '');
}

export function describe(value: unknown): string {
  if (value instanceof Error || (value && typeof value === 'object' && 'stack' in value)) {
    const error = value as Error;
    return `${error.name}: ${error.message}\n${(error.stack ?? '').split('\n').slice(1, 4).join('\n')}`;
  }
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}

/**
 * Sets `value` at a setData path (`a.b[2].c`, and Taro's `root.cn.[0].v`), creating what is missing,
 * as WeChat does. The value is copied as JSON, as it is when it crosses to the view layer.
 */
export function setPath(data: Record<string, unknown>, path: string, value: unknown) {
  const keys = [...path.matchAll(/\[(\d+)\]|([^.[\]]+)/g)].map((m) => (m[1] !== undefined ? Number(m[1]) : m[2]));
  const copy = value === undefined ? undefined : JSON.parse(JSON.stringify(value));
  let node = data as Record<string | number, unknown>;
  for (let i = 0; i < keys.length - 1; i++) {
    const key = keys[i];
    if (node[key] === null || typeof node[key] !== 'object') node[key] = typeof keys[i + 1] === 'number' ? [] : {};
    node = node[key] as Record<string | number, unknown>;
  }
  node[keys[keys.length - 1]] = copy;
}
