import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { allowedValues, wxApiNames } from './support/api-typings.js';
import { setPath, WeappRuntime } from './support/runtime.js';

// The simulated WeChat must refuse what WeChat refuses and allow what it allows: a stub that lies
// produces findings that are not there, or hides ones that are.

let server: Server;
let serverUrl: string;
const received: { method: string; url: string; body: string; type?: string }[] = [];
beforeAll(async () => {
  server = createServer((request: IncomingMessage, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      received.push({ method: request.method!, url: request.url!, body, type: request.headers['content-type'] });
      if (request.url?.startsWith('/api/file.pdf')) {
        response.setHeader('content-type', 'application/pdf');
        response.end('%PDF-1.4 test');
        return;
      }
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ ok: true, items: [1, 2] }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  serverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const apiBase = 'https://pass.example.gov.cn';
let runtimes: WeappRuntime[] = [];
const newRuntime = () => {
  const runtime = new WeappRuntime(serverUrl, undefined, apiBase);
  runtimes.push(runtime);
  return runtime;
};
afterEach(() => {
  for (const runtime of runtimes) runtime.dispose();
  runtimes = [];
  received.length = 0;
});

/** Calls wx.<name>(options) in the realm and resolves with what success or fail received. */
function callWx(runtime: WeappRuntime, name: string, options: Record<string, unknown> = {}) {
  return new Promise<{ ok: boolean; result: Record<string, unknown> }>((resolve) => {
    const wx = runtime.evaluate('module.exports = wx;') as Record<string, (o: unknown) => unknown>;
    try {
      wx[name]({
        ...options,
        success: (result: Record<string, unknown>) => resolve({ ok: true, result }),
        fail: (result: Record<string, unknown>) => resolve({ ok: false, result }),
      });
    } catch (error) {
      resolve({ ok: false, result: { thrown: String(error) } });
    }
  });
}

describe('the realm', () => {
  it('has no browser globals, neither as globals nor through the module wrapper', () => {
    const runtime = newRuntime();
    const seen = runtime.evaluate(`module.exports = [typeof window, typeof document, typeof self, typeof navigator,
      typeof localStorage, typeof fetch, typeof TextEncoder, typeof atob, typeof URL, typeof XMLHttpRequest,
      typeof Object.hasOwn, typeof wx, typeof Page, typeof getCurrentPages].join(',')`);
    expect(seen).toBe(
      'undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,object,function,function',
    );
  });

  it("lets new Function('return this') find the global object and nothing else build a function", () => {
    const runtime = newRuntime();
    const global = runtime.evaluate("module.exports = typeof new Function('return this')().Page");
    expect(global).toBe('function');
    expect(runtime.problems).toEqual([]);
    // What zod's probe saw: no throw, and then something that is not a function.
    const built = runtime.evaluate("var F = Function; var f = new F('a', 'return a + 1'); module.exports = typeof f;");
    expect(built).toBe('object');
    expect(runtime.problems.join()).toContain('not allowed in WeChat');
    expect(() => runtime.evaluate("module.exports = eval('1 + 1')")).toThrow('eval is not allowed');
  });
});

describe('failures the page code does not catch', () => {
  // A promise rejection nobody handles fails the test through Jest itself, which claims the process's
  // unhandledRejection event.
  it('reports an error thrown in a timer', async () => {
    const runtime = newRuntime();
    runtime.evaluate("setTimeout(function () { throw new Error('in a timer'); }, 0);");
    await runtime.settle();
    expect(runtime.problems).toEqual([expect.stringContaining('uncaught error in a timer: Error: in a timer')]);
  });

  it('reports console.error, as WeChat DevTools shows it in red', () => {
    const runtime = newRuntime();
    runtime.evaluate("console.error('something broke', { code: 1 });");
    expect(runtime.problems).toEqual(['console.error: something broke {"code":1}']);
  });
});

describe('setData paths', () => {
  it("sets WeChat's a.b[1].c and Taro's root.cn.[0].v, creating what is missing, as copies", () => {
    const data: Record<string, unknown> = { a: { b: [{ c: 1 }, { c: 2 }] } };
    setPath(data, 'a.b[1].c', 5);
    setPath(data, 'root.cn.[0].v', 'text');
    const shared = { x: 1 };
    setPath(data, 'copy', shared);
    shared.x = 2;
    expect(data).toEqual({ a: { b: [{ c: 1 }, { c: 5 }] }, root: { cn: [{ v: 'text' }] }, copy: { x: 1 } });
  });
});

describe('wx, as miniprogram-api-typings declares it', () => {
  it('knows the request methods and document types of the typings, PATCH not among them', () => {
    expect(allowedValues('RequestOption', 'method')).toEqual([
      'OPTIONS',
      'GET',
      'HEAD',
      'POST',
      'PUT',
      'DELETE',
      'TRACE',
      'CONNECT',
    ]);
    expect(allowedValues('OpenDocumentOption', 'fileType')).toContain('pdf');
    expect(wxApiNames.has('request')).toBe(true);
    expect(wxApiNames.has('chooseMedia')).toBe(true);
  });

  it('forwards a request to the server behind the API domain, JSON both ways, query for GET', async () => {
    const runtime = newRuntime();
    const post = await callWx(runtime, 'request', {
      url: `${apiBase}/api/things`,
      method: 'PUT',
      data: { name: '苏A12345' },
      header: { 'content-type': 'application/json' },
    });
    expect(post.ok).toBe(true);
    expect(post.result.statusCode).toBe(200);
    expect(post.result.data).toEqual({ ok: true, items: [1, 2] });
    // Made in the page's realm, so zod's plain-object check accepts it there.
    expect(runtime.evaluate('module.exports = Object.getPrototypeOf({}) === Object.prototype')).toBe(true);
    const get = await callWx(runtime, 'request', { url: `${apiBase}/api/things`, data: { page: 2, q: '苏' } });
    expect(get.ok).toBe(true);
    expect(received.map((r) => [r.method, r.url, r.body])).toEqual([
      ['PUT', '/api/things', JSON.stringify({ name: '苏A12345' })],
      ['GET', `/api/things?page=2&q=${encodeURIComponent('苏')}`, ''],
    ]);
  });

  it('refuses PATCH, a domain other than the API, and flags both', async () => {
    const runtime = newRuntime();
    const patch = await callWx(runtime, 'request', { url: `${apiBase}/api/things`, method: 'PATCH', data: {} });
    expect(patch.ok).toBe(false);
    const elsewhere = await callWx(runtime, 'request', { url: 'https://example.com/api/x' });
    expect(elsewhere.ok).toBe(false);
    expect(received).toEqual([]);
    expect(runtime.problems).toEqual([
      expect.stringContaining('method PATCH is not one of'),
      expect.stringContaining('outside the API'),
    ]);
  });

  it("downloads to a temp file that openDocument opens as pdf, and refuses a file type WeChat doesn't open", async () => {
    const runtime = newRuntime();
    const download = await callWx(runtime, 'downloadFile', { url: `${apiBase}/api/file.pdf` });
    expect(download.ok).toBe(true);
    const filePath = download.result.tempFilePath as string;
    expect(filePath).toMatch(/^wxfile:\/\/.*\.pdf$/);
    expect((await callWx(runtime, 'openDocument', { filePath, fileType: 'pdf' })).ok).toBe(true);
    expect(Buffer.from(runtime.phone.openedDocuments[0].bytes).toString()).toBe('%PDF-1.4 test');
    expect((await callWx(runtime, 'openDocument', { filePath, fileType: 'html' })).ok).toBe(false);
    expect(runtime.problems).toEqual([expect.stringContaining('fileType html')]);
  });

  it("checks scanCode's scan types and answers with the phone's next scan, or cancel", async () => {
    const runtime = newRuntime();
    runtime.phone.scans.push('https://pass.example.gov.cn/V/abc');
    const scan = await callWx(runtime, 'scanCode', { scanType: ['qrCode'] });
    expect(scan.result.result).toBe('https://pass.example.gov.cn/V/abc');
    expect((await callWx(runtime, 'scanCode', { scanType: ['qrCode'] })).result.errMsg).toBe('scanCode:fail cancel');
    expect((await callWx(runtime, 'scanCode', { scanType: ['qr'] })).ok).toBe(false);
    expect(runtime.problems).toEqual([expect.stringContaining('scanType qr')]);
  });

  it("flags chooseMessageFile's extension without type 'file', and the deprecated chooseImage", async () => {
    const runtime = newRuntime();
    runtime.phone.pickedFiles.push({ name: 'a.pdf', bytes: new Uint8Array([37, 80, 68, 70]) });
    const picked = await callWx(runtime, 'chooseMessageFile', { count: 1, type: 'file', extension: ['pdf'] });
    expect(picked.ok).toBe(true);
    expect(runtime.problems).toEqual([]);
    await callWx(runtime, 'chooseMessageFile', { count: 1, type: 'all', extension: ['pdf'] });
    await callWx(runtime, 'chooseImage', { count: 1 });
    expect(runtime.problems).toEqual([
      expect.stringContaining("extension filters only with type 'file'"),
      'wx.chooseImage is deprecated: use wx.chooseMedia',
    ]);
  });

  it('has no API WeChat does not have, and reports one it has but the simulation lacks', async () => {
    const runtime = newRuntime();
    expect(
      runtime.evaluate(
        "module.exports = [typeof wx.fetch, typeof wx.patch, 'request' in wx, typeof wx.getLocation].join()",
      ),
    ).toBe('undefined,undefined,true,function');
    expect((await callWx(runtime, 'getLocation', {})).ok).toBe(false);
    expect(runtime.problems).toEqual([expect.stringContaining('wx.getLocation is not simulated')]);
  });

  it('answers an asynchronous API without callbacks with a promise, as WeChat does since 2.10.2', async () => {
    const runtime = newRuntime();
    runtime.phone.pickedFiles.push({ name: 'p.png', bytes: new Uint8Array([1, 2, 3]) });
    const wx = runtime.evaluate('module.exports = wx;') as Record<
      string,
      (o: unknown) => Promise<Record<string, unknown>>
    >;
    const picked = await wx.chooseMedia({ count: 1, mediaType: ['image'] });
    expect(picked.tempFiles).toEqual([expect.objectContaining({ size: 3, fileType: 'image' })]);
    await expect(wx.chooseMedia({ count: 1 })).rejects.toEqual({ errMsg: 'chooseMedia:fail cancel' });
    // With a callback there is nothing to await.
    expect(wx.getNetworkType({ success() {} })).toBeUndefined();
  });

  it('keeps storage as JSON per key, like the phone', () => {
    const runtime = newRuntime();
    runtime.evaluate("wx.setStorageSync('k', { a: [1, '二'] });");
    expect(
      runtime.evaluate("module.exports = JSON.stringify(wx.getStorageSync('k')) + '|' + wx.getStorageSync('none')"),
    ).toBe('{"a":[1,"二"]}|');
  });
});
