import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { allowedValues, wxApiNames } from './api-typings.js';
import { baseLibrary } from './weapp-build.js';

/** What a test tells the simulated phone to answer, and what the phone saw happen. */
export interface WxEnvironment {
  /** Objects and JSON made in the mini-program's realm (page code compares prototypes). */
  toRealm<T>(value: T): T;
  realmArrayBuffer(bytes: Uint8Array): ArrayBuffer;
  report(problem: string): void;
  navigate(
    kind: 'navigateTo' | 'redirectTo' | 'reLaunch' | 'switchTab' | 'navigateBack',
    options: Record<string, unknown>,
  ): void;
  pending: { requests: number };
}

export interface PhoneState {
  storage: Map<string, string>;
  /** Answers for scanCode, in order; none left means the user cancelled. */
  scans: string[];
  /** Taps for showActionSheet (the index of the item), in order. */
  actionSheetTaps: number[];
  /** Files the user picks in chooseMessageFile / chooseMedia, in order. */
  pickedFiles: { name: string; bytes: Uint8Array }[];
  /** The code wx.login hands out. */
  loginCode: string;
  offline: boolean;
  brightness: number;
  /** Every brightness the page set, in order. */
  brightnessSet: number[];
  keepScreenOn: boolean;
  /** WeChat's font size setting (我 → 设置 → 通用 → 字体大小), in px: 16 is standard. */
  fontSizeSetting: number;
  openedDocuments: { filePath: string; fileType?: string; bytes: Uint8Array }[];
  toasts: string[];
  modals: { title?: string; content?: string }[];
  /** Every wx call, by name, for tests that check what was (not) called. */
  calls: { name: string; options: unknown }[];
}

export const newPhoneState = (): PhoneState => ({
  storage: new Map(),
  scans: [],
  actionSheetTaps: [],
  pickedFiles: [],
  loginCode: 'weapp-test-code',
  offline: false,
  brightness: 0.4,
  brightnessSet: [],
  keepScreenOn: false,
  fontSizeSetting: 16,
  openedDocuments: [],
  toasts: [],
  modals: [],
  calls: [],
});

/** UI calls with no effect a test can see here; WeChat accepts them and so does the simulation. */
const accepted = new Set([
  'hideLoading',
  'hideToast',
  'hideKeyboard',
  'setNavigationBarTitle',
  'setNavigationBarColor',
  'showNavigationBarLoading',
  'hideNavigationBarLoading',
  'stopPullDownRefresh',
  'startPullDownRefresh',
  'pageScrollTo',
  'vibrateShort',
  'vibrateLong',
  'setBackgroundColor',
  'setBackgroundTextStyle',
  'reportAnalytics',
  'setClipboardData',
  'loadFontFace',
  'preloadPage',
]);

/** APIs WeChat documents as deprecated, with what replaces them: calling one is a finding. */
const deprecated: Record<string, string> = { chooseImage: 'chooseMedia', chooseVideo: 'chooseMedia' };

const requestMethods = allowedValues('RequestOption', 'method');
const documentTypes = allowedValues('OpenDocumentOption', 'fileType');
const scanTypes = allowedValues('ScanCodeOption', 'scanType');
const messageFileTypes = allowedValues('ChooseMessageFileOption', 'type');

const isArrayBuffer = (value: unknown) => Object.prototype.toString.call(value) === '[object ArrayBuffer]';

type Options = Record<string, unknown> & {
  success?: (result: unknown) => void;
  fail?: (result: unknown) => void;
  complete?: (result: unknown) => void;
};

/**
 * The `wx` object of a simulated phone. Names come from miniprogram-api-typings: an API WeChat has
 * but this simulation does not is reported when called; a name WeChat does not have is absent, as
 * on a phone. Asynchronous APIs answer through success/fail/complete, as WeChat does.
 */
export function createWx(env: WxEnvironment, phone: PhoneState, apiBase: string, serverUrl: string) {
  const tempDir = join(tmpdir(), `weapp-files-${process.pid}-${Math.random().toString(36).slice(2)}`);
  mkdirSync(tempDir, { recursive: true });
  const tempFiles = new Map<string, string>();
  let tempCounter = 0;
  const saveTemp = (bytes: Uint8Array, extension: string) => {
    const name = `tmp_${++tempCounter}${extension ? `.${extension}` : ''}`;
    const path = join(tempDir, name);
    writeFileSync(path, bytes);
    const wxPath = `wxfile://${name}`;
    tempFiles.set(wxPath, path);
    return wxPath;
  };
  const readTemp = (wxPath: unknown) => {
    const path = tempFiles.get(String(wxPath));
    if (!path) throw new Error(`no such file ${String(wxPath)}`);
    return new Uint8Array(readFileSync(path));
  };

  /**
   * Runs an asynchronous API: success/fail/complete when any is given, otherwise (as WeChat does
   * since base library 2.10.2) a promise that resolves with the result or rejects with the failure.
   */
  const answer = (name: string, options: Options | undefined, work: () => unknown | Promise<unknown>) => {
    const opts = options ?? {};
    const callbacks = ['success', 'fail', 'complete'].some((key) => typeof opts[key] === 'function');
    const outcome = Promise.resolve()
      .then(work)
      .then(
        (result) => {
          // Copied into the realm as JSON, except binary fields (responseType 'arraybuffer', random
          // values), made there already.
          const fields = Object.entries((result ?? {}) as Record<string, unknown>);
          const json = Object.fromEntries(fields.filter(([, v]) => !isArrayBuffer(v)));
          const value = env.toRealm({ errMsg: `${name}:ok`, ...json }) as Record<string, unknown>;
          for (const [key, binary] of fields.filter(([, v]) => isArrayBuffer(v))) value[key] = binary;
          opts.success?.(value);
          opts.complete?.(value);
          return value;
        },
        (error: Error) => {
          const value = env.toRealm({ errMsg: `${name}:fail ${error.message}` });
          opts.fail?.(value);
          opts.complete?.(value);
          throw value;
        },
      );
    if (callbacks) {
      outcome.catch(() => undefined);
      return undefined;
    }
    return outcome;
  };
  const misuse = (name: string, problem: string) => {
    env.report(`wx.${name}: ${problem}`);
    throw new Error(problem);
  };

  const absolute = (url: unknown) => {
    const text = String(url);
    if (!/^https?:\/\//.test(text)) throw new Error(`url not absolute: ${text}`);
    if (!text.startsWith(`${apiBase}/`)) {
      env.report(`a request to ${text}, outside the API's domain ${apiBase} (WeChat's domain whitelist)`);
      throw new Error(`url not in domain list: ${text}`);
    }
    // The phone talks to the API's domain; here that is the test's server.
    return serverUrl + text.slice(apiBase.length);
  };

  const query = (data: unknown) =>
    data && typeof data === 'object'
      ? Object.entries(data as Record<string, unknown>)
          .filter(([, v]) => v !== undefined)
          .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
          .join('&')
      : '';

  const forward = async (_name: string, url: string, init: RequestInit) => {
    if (phone.offline) throw new Error('network unavailable');
    env.pending.requests++;
    try {
      return await fetch(url, init);
    } finally {
      env.pending.requests--;
    }
  };

  const headersOf = (response: Response) => Object.fromEntries(response.headers.entries());

  const systemInfo = {
    brand: 'iPhone',
    model: 'iPhone 12',
    platform: 'ios',
    system: 'iOS 15.3',
    version: '8.0.50',
    SDKVersion: baseLibrary.minBaseLibrary,
    language: 'zh_CN',
    pixelRatio: 3,
    screenWidth: 390,
    screenHeight: 844,
    windowWidth: 390,
    windowHeight: 753,
    statusBarHeight: 47,
    safeArea: { left: 0, right: 390, top: 47, bottom: 810, width: 390, height: 763 },
    theme: 'light',
    get fontSizeSetting() {
      return phone.fontSizeSetting;
    },
  };

  const selectorQuery = () => {
    const results: unknown[] = [];
    const query: Record<string, unknown> = {};
    const nodes = {
      boundingClientRect(cb?: (r: unknown) => void) {
        results.push({ width: 0, height: 0, top: 0, left: 0, right: 0, bottom: 0 });
        if (cb) cb(results[results.length - 1]);
        return query;
      },
      fields(_: unknown, cb?: (r: unknown) => void) {
        results.push({});
        if (cb) cb({});
        return query;
      },
      scrollOffset(cb?: (r: unknown) => void) {
        results.push({ scrollTop: 0, scrollLeft: 0 });
        if (cb) cb(results[results.length - 1]);
        return query;
      },
      node(cb?: (r: unknown) => void) {
        results.push(null);
        if (cb) cb(null);
        return query;
      },
    };
    Object.assign(query, {
      in: () => query,
      select: () => nodes,
      selectAll: () => nodes,
      selectViewport: () => nodes,
      exec(cb?: (r: unknown[]) => void) {
        setTimeout(() => cb?.(env.toRealm(results)), 0);
      },
    });
    return query;
  };

  const implemented: Record<string, (options?: Options, ...rest: unknown[]) => unknown> = {
    request(options) {
      const o = options ?? {};
      const method = String(o.method ?? 'GET').toUpperCase();
      if (!requestMethods.includes(method))
        misuse('request', `method ${method} is not one of ${requestMethods.join(', ')}`);
      let aborted = false;
      answer('request', o, async () => {
        let url = absolute(o.url);
        const headers = { ...((o.header as Record<string, string>) ?? {}) };
        let body: BodyInit | undefined;
        if (method === 'GET' || method === 'HEAD') {
          const q = typeof o.data === 'string' ? o.data : query(o.data);
          if (q) url += `${url.includes('?') ? '&' : '?'}${q}`;
        } else if (isArrayBuffer(o.data)) {
          body = new Uint8Array(o.data as ArrayBuffer);
        } else if (typeof o.data === 'string') {
          body = o.data;
        } else if (o.data !== undefined) {
          const type =
            Object.entries(headers).find(([k]) => k.toLowerCase() === 'content-type')?.[1] ?? 'application/json';
          body = type.includes('json') ? JSON.stringify(o.data) : query(o.data);
          if (!Object.keys(headers).some((k) => k.toLowerCase() === 'content-type')) headers['content-type'] = type;
        }
        const response = await forward('request', url, { method, headers, body });
        if (aborted) throw new Error('abort');
        const bytes = new Uint8Array(await response.arrayBuffer());
        let data: unknown;
        if (o.responseType === 'arraybuffer') data = env.realmArrayBuffer(bytes);
        else {
          const text = new TextDecoder().decode(bytes);
          data = text;
          if ((o.dataType ?? 'json') === 'json') {
            try {
              data = env.toRealm(JSON.parse(text));
            } catch {
              data = text;
            }
          }
        }
        return { data, statusCode: response.status, header: headersOf(response), cookies: [] };
      });
      return (
        env.toRealm({}) &&
        Object.assign(env.toRealm({}), {
          abort: () => {
            aborted = true;
          },
          onHeadersReceived() {},
          offHeadersReceived() {},
        })
      );
    },
    uploadFile(options) {
      const o = options ?? {};
      answer('uploadFile', o, async () => {
        const form = new FormData();
        for (const [k, v] of Object.entries((o.formData as Record<string, unknown>) ?? {})) form.append(k, String(v));
        const path = String(o.filePath);
        form.append(String(o.name), new Blob([readTemp(path)]), path.slice(path.lastIndexOf('/') + 1));
        const response = await forward('uploadFile', absolute(o.url), {
          method: 'POST',
          headers: (o.header as Record<string, string>) ?? {},
          body: form,
        });
        return { data: await response.text(), statusCode: response.status };
      });
      return { abort() {}, onProgressUpdate() {}, offProgressUpdate() {} };
    },
    downloadFile(options) {
      const o = options ?? {};
      answer('downloadFile', o, async () => {
        const response = await forward('downloadFile', absolute(o.url), {
          headers: (o.header as Record<string, string>) ?? {},
        });
        const bytes = new Uint8Array(await response.arrayBuffer());
        const type = response.headers.get('content-type') ?? '';
        const extension = type.includes('pdf')
          ? 'pdf'
          : type.includes('png')
            ? 'png'
            : type.includes('jpeg')
              ? 'jpg'
              : '';
        return { tempFilePath: saveTemp(bytes, extension), statusCode: response.status };
      });
      return { abort() {}, onProgressUpdate() {}, offProgressUpdate() {} };
    },
    openDocument(options) {
      const o = options ?? {};
      if (o.fileType !== undefined && !documentTypes.includes(String(o.fileType))) {
        misuse('openDocument', `fileType ${String(o.fileType)} is not one of ${documentTypes.join(', ')}`);
      }
      return answer('openDocument', o, () => {
        phone.openedDocuments.push({
          filePath: String(o.filePath),
          fileType: o.fileType as string,
          bytes: readTemp(o.filePath),
        });
        return {};
      });
    },
    scanCode(options) {
      const o = options ?? {};
      const asked = (o.scanType as string[] | undefined) ?? [];
      const wrong = asked.filter((t) => !scanTypes.includes(t));
      if (wrong.length) misuse('scanCode', `scanType ${wrong.join(', ')} is not one of ${scanTypes.join(', ')}`);
      return answer('scanCode', o, () => {
        const result = phone.scans.shift();
        if (result === undefined) throw new Error('cancel');
        return { result, scanType: 'QR_CODE', charSet: 'utf-8', rawData: Buffer.from(result).toString('base64') };
      });
    },
    login(options) {
      return answer('login', options, () => ({ code: phone.loginCode }));
    },
    requestSubscribeMessage(options) {
      const o = options ?? {};
      const ids = o.tmplIds;
      // WeChat takes one to three template ids, and asks only within a tap (not checked here).
      if (!Array.isArray(ids) || ids.length < 1 || ids.length > 3 || ids.some((id) => typeof id !== 'string')) {
        misuse('requestSubscribeMessage', 'tmplIds must be 1 to 3 template ids');
      }
      return answer('requestSubscribeMessage', o, () =>
        Object.fromEntries(((ids as string[] | undefined) ?? []).map((id) => [id, 'accept'])),
      );
    },
    chooseMessageFile(options) {
      const o = options ?? {};
      const type = String(o.type ?? 'all');
      if (!messageFileTypes.includes(type))
        misuse('chooseMessageFile', `type ${type} is not one of ${messageFileTypes.join(', ')}`);
      if (o.extension !== undefined && type !== 'file') {
        misuse('chooseMessageFile', `extension filters only with type 'file', not '${type}'`);
      }
      return answer('chooseMessageFile', o, () => {
        const file = phone.pickedFiles.shift();
        if (!file) throw new Error('cancel');
        const extension = file.name.slice(file.name.lastIndexOf('.') + 1);
        const path = saveTemp(file.bytes, extension);
        return { tempFiles: [{ path, name: file.name, size: file.bytes.length, type: 'file', time: 0 }] };
      });
    },
    chooseMedia(options) {
      return answer('chooseMedia', options, () => {
        const file = phone.pickedFiles.shift();
        if (!file) throw new Error('cancel');
        const extension = file.name.slice(file.name.lastIndexOf('.') + 1);
        const path = saveTemp(file.bytes, extension);
        return { type: 'image', tempFiles: [{ tempFilePath: path, size: file.bytes.length, fileType: 'image' }] };
      });
    },
    showActionSheet(options) {
      return answer('showActionSheet', options, () => {
        const tapIndex = phone.actionSheetTaps.shift();
        if (tapIndex === undefined) throw new Error('cancel');
        return { tapIndex };
      });
    },
    showToast(options) {
      phone.toasts.push(String(options?.title ?? ''));
      return answer('showToast', options, () => ({}));
    },
    showLoading(options) {
      return answer('showLoading', options, () => ({}));
    },
    showModal(options) {
      phone.modals.push({ title: options?.title as string, content: options?.content as string });
      return answer('showModal', options, () => ({ confirm: true, cancel: false }));
    },
    setScreenBrightness(options) {
      const value = Number(options?.value);
      if (!(value >= 0 && value <= 1))
        misuse('setScreenBrightness', `value ${String(options?.value)} is not within 0…1`);
      return answer('setScreenBrightness', options, () => {
        phone.brightness = value;
        phone.brightnessSet.push(value);
        return {};
      });
    },
    getScreenBrightness(options) {
      return answer('getScreenBrightness', options, () => ({ value: phone.brightness }));
    },
    setKeepScreenOn(options) {
      return answer('setKeepScreenOn', options, () => {
        phone.keepScreenOn = Boolean(options?.keepScreenOn);
        return {};
      });
    },
    getRandomValues(options) {
      // The pool sm-crypto-v2 fills when it loads (it signs nothing here, but fills it anyway).
      const length = Number(options?.length);
      if (!(Number.isInteger(length) && length > 0 && length <= 1_048_576))
        misuse('getRandomValues', `length ${String(options?.length)} is not an integer within 1…1048576`);
      return answer('getRandomValues', options, () => ({
        randomValues: env.realmArrayBuffer(Uint8Array.from(randomBytes(length))),
      }));
    },
    getNetworkType(options) {
      return answer('getNetworkType', options, () => ({ networkType: phone.offline ? 'none' : 'wifi' }));
    },
    setStorageSync(key, value) {
      phone.storage.set(String(key), JSON.stringify(value));
    },
    getStorageSync(key) {
      const stored = phone.storage.get(String(key));
      return stored === undefined ? '' : env.toRealm(JSON.parse(stored));
    },
    removeStorageSync(key) {
      phone.storage.delete(String(key));
    },
    clearStorageSync() {
      phone.storage.clear();
    },
    getStorageInfoSync() {
      return env.toRealm({ keys: [...phone.storage.keys()], currentSize: 0, limitSize: 10240 });
    },
    setStorage(options) {
      return answer('setStorage', options, () => {
        phone.storage.set(String(options?.key), JSON.stringify(options?.data));
        return {};
      });
    },
    getStorage(options) {
      return answer('getStorage', options, () => {
        const stored = phone.storage.get(String(options?.key));
        if (stored === undefined) throw new Error('data not found');
        return { data: JSON.parse(stored) };
      });
    },
    removeStorage(options) {
      return answer('removeStorage', options, () => {
        phone.storage.delete(String(options?.key));
        return {};
      });
    },
    navigateTo(options) {
      env.navigate('navigateTo', options ?? {});
    },
    redirectTo(options) {
      env.navigate('redirectTo', options ?? {});
    },
    reLaunch(options) {
      env.navigate('reLaunch', options ?? {});
    },
    switchTab(options) {
      env.navigate('switchTab', options ?? {});
    },
    navigateBack(options) {
      env.navigate('navigateBack', options ?? {});
    },
    getSystemInfoSync: () => env.toRealm(systemInfo),
    getSystemInfo(options) {
      return answer('getSystemInfo', options, () => systemInfo);
    },
    getWindowInfo: () => env.toRealm(systemInfo),
    getDeviceInfo: () => env.toRealm(systemInfo),
    getAppBaseInfo: () => env.toRealm(systemInfo),
    getSystemSetting: () => env.toRealm({ bluetoothEnabled: false, locationEnabled: false, wifiEnabled: true }),
    getAppAuthorizeSetting: () => env.toRealm({ cameraAuthorized: 'authorized' }),
    getMenuButtonBoundingClientRect: () =>
      env.toRealm({ width: 87, height: 32, top: 51, right: 381, bottom: 83, left: 294 }),
    getAccountInfoSync: () =>
      env.toRealm({ miniProgram: { appId: 'touristappid', envVersion: 'develop', version: '' } }),
    canIUse: () => true,
    nextTick(callback) {
      Promise.resolve().then(callback as unknown as () => void);
    },
    createSelectorQuery: selectorQuery,
    createIntersectionObserver: () => ({
      relativeTo() {
        return this;
      },
      relativeToViewport() {
        return this;
      },
      observe() {},
      disconnect() {},
    }),
  };

  const target: Record<string, unknown> = {};
  return new Proxy(target, {
    has: (_, name) => name in target || (typeof name === 'string' && (name in implemented || wxApiNames.has(name))),
    get(_, name) {
      // wx is a plain object: hasOwnProperty, toString and the like come from Object.prototype.
      if (name in target || typeof name !== 'string' || name in Object.prototype) return Reflect.get(target, name);
      const implementation = implemented[name];
      if (implementation) {
        return (...args: unknown[]) => {
          phone.calls.push({ name, options: args[0] });
          return implementation(...(args as [Options]));
        };
      }
      if (!wxApiNames.has(name)) return undefined;
      if (accepted.has(name) || /^(on|off)[A-Z]/.test(name)) {
        return (options?: Options) => {
          phone.calls.push({ name, options });
          return /^(on|off)[A-Z]/.test(name) ? undefined : answer(name, options, () => ({}));
        };
      }
      return (options?: Options) => {
        phone.calls.push({ name, options });
        env.report(
          deprecated[name]
            ? `wx.${name} is deprecated: use wx.${deprecated[name]}`
            : `wx.${name} is not simulated by the weapp tests (add it to weapp-test/support/wx.ts)`,
        );
        return answer(name, options, () => {
          throw new Error('not simulated');
        });
      };
    },
    // Taro wraps the APIs it finds by listing wx's keys.
    ownKeys: () => [...new Set([...Object.keys(target), ...Object.keys(implemented), ...wxApiNames])],
    getOwnPropertyDescriptor: (_, name) =>
      name in target || (typeof name === 'string' && (name in implemented || wxApiNames.has(name)))
        ? { configurable: true, enumerable: true, writable: true, value: undefined }
        : undefined,
    set(_, name, value) {
      target[name as string] = value;
      return true;
    },
  });
}
