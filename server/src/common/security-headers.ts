import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import helmet, { type HelmetOptions } from 'helmet';
import type { AppConfig } from '../config/app-config.js';

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/**
 * Hashes of the inline scripts of the built H5 app's index.html (Taro puts its root font-size script
 * there), so the policy allows exactly those and no injected one. Read once at boot: a rebuilt app
 * needs a restart, as it does anyway for its new file names.
 */
export function inlineScriptHashes(h5Dir: string): string[] {
  const index = join(h5Dir, 'index.html');
  if (!existsSync(index)) return [];
  const html = readFileSync(index, 'utf8');
  return [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)].map((m) => sha256(m[1] ?? ''));
}

/** The policy of the H5 app, the API and its docs: only this origin's scripts, never framed. */
export function appContentSecurityPolicy(config: AppConfig): Record<string, string[]> {
  const https = config.publicBaseUrl.toLowerCase().startsWith('https://');
  return {
    'default-src': ["'self'"],
    'script-src': ["'self'", ...inlineScriptHashes(config.h5Dir)],
    // Taro's components and React set inline styles; styles cannot run code.
    'style-src': ["'self'", "'unsafe-inline'"],
    // QR codes and camera frames are data: and blob: images; attachments are viewed as blobs.
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'", 'data:'],
    'media-src': ["'self'", 'blob:'],
    'worker-src': ["'self'", 'blob:'],
    // Taro's H5 uploadFile reads the chosen file back from its blob: URL.
    'connect-src': ["'self'", 'blob:', 'data:'],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
    ...(https ? { 'upgrade-insecure-requests': [] } : {}),
  };
}

/** The page's style blocks: two (a valid pass's colours, every other state's), so each is hashed once. */
const styleHashes = new Map<string, string>();

function styleHash(style: string): string {
  let hash = styleHashes.get(style);
  if (hash === undefined) {
    if (styleHashes.size >= 16) styleHashes.clear();
    hash = sha256(style);
    styleHashes.set(style, hash);
  }
  return hash;
}

/**
 * The public pass page (no JavaScript): nothing but its own inline style block, never framed, no
 * forms, no base. The style's hash is computed from the page as rendered (kept per style text).
 */
export function passPageContentSecurityPolicy(html: string): string {
  const styles: string[] = [];
  // Each block by indexOf, not a regular expression over the whole page: rendered on every scan.
  for (let at = html.indexOf('<style>'); at >= 0; at = html.indexOf('<style>', at)) {
    const end = html.indexOf('</style>', at);
    if (end < 0) break;
    styles.push(styleHash(html.slice(at + '<style>'.length, end)));
    at = end;
  }
  return [
    "default-src 'none'",
    `style-src ${styles.join(' ') || "'none'"}`,
    "img-src 'self' data:",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * The headers helmet sets with these options, taken once from helmet itself (its middleware run against
 * a recorder). They depend on nothing in the request. @fastify/helmet called `helmet(options)` anew on
 * every request, which builds every middleware again (the CSP parsed and validated each time): the
 * largest part of a public verification's own CPU in a profile (docs/scaling.md §6.7).
 */
export function helmetHeaders(options: HelmetOptions): [name: string, value: string][] {
  const headers: [string, string][] = [];
  const recorder = {
    setHeader: (name: string, value: unknown) => headers.push([name, String(value)]),
    removeHeader: () => undefined,
  };
  helmet(options)({} as IncomingMessage, recorder as unknown as ServerResponse, (error?: unknown) => {
    if (error) throw error;
  });
  return headers;
}

/** Everything under the API's prefix: its answers and its docs. */
const apiPath = /^\/api(?:[/?]|$)/i;

/** The API's JSON (and files), as opposed to the pages a browser renders: the app, the pass page, the API docs. */
const apiAnswerPath = /^\/api(?:[/?]|$)(?!docs(?:[/?]|$))/i;

/**
 * What an API answer needs of helmet's set (OWASP REST Security Cheat Sheet, "Security headers"): no
 * sniffing, never framed, no referrer, not readable cross-origin, HSTS. The others (COOP,
 * Origin-Agent-Cluster, X-DNS-Prefetch-Control, X-Download-Options, X-Permitted-Cross-Domain-Policies,
 * X-XSS-Protection) act only on a document the browser renders, which an answer under /api is not (it
 * needs a bearer token, so nothing opens it as a page), and its policy is the strictest one: should a
 * browser ever render one, nothing in it loads or runs. Fewer headers on every public verification
 * (docs/scaling.md §6.7).
 */
const apiHeaderNames = new Set([
  'x-content-type-options',
  'x-frame-options',
  'referrer-policy',
  'cross-origin-resource-policy',
  'strict-transport-security',
]);
export const apiContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";

/**
 * Headers on every response (helmet): CSP, X-Frame-Options DENY, nosniff, Referrer-Policy, HSTS when
 * the public address is https; API answers get the subset above. API answers are personal (tokens,
 * names, ID numbers): `no-store` unless an anonymous route chose a public cache policy itself (the
 * trust list) or a signed-in route a `private` one (a pass's QR image, kept on the holder's phone,
 * never by a shared cache).
 */
export async function registerSecurityHeaders(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  const https = config.publicBaseUrl.toLowerCase().startsWith('https://');
  const headers = helmetHeaders({
    contentSecurityPolicy: { useDefaults: false, directives: appContentSecurityPolicy(config) },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    hsts: https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    // The mini-program's WebView and other origins never embed these resources.
    crossOriginResourcePolicy: { policy: 'same-origin' },
  });
  const apiHeaders: [string, string][] = [
    ['Content-Security-Policy', apiContentSecurityPolicy],
    ...headers.filter(([name]) => apiHeaderNames.has(name.toLowerCase())),
    // The default for every API answer; a route's own `cache-control` replaces it (Fastify writes the
    // reply's headers over the raw response's), and the onSend hook below narrows signed-in answers.
    ['cache-control', 'no-store'],
  ];
  // The API docs are pages under /api: helmet's whole set, and the same no-store default.
  const docsHeaders: [string, string][] = [...headers, ['cache-control', 'no-store']];
  const fastify = app.getHttpAdapter().getInstance();
  // On the raw response, first thing, as helmet's middleware set them: every answer has them (404s,
  // 429s, errors), and a route may still replace one (the pass page's own CSP).
  fastify.addHook('onRequest', (request, reply, done) => {
    const set = apiAnswerPath.test(request.url) ? apiHeaders : apiPath.test(request.url) ? docsHeaders : headers;
    for (const [name, value] of set) reply.raw.setHeader(name, value);
    done();
  });
  // A signed-in answer is personal: `private` (kept on the holder's device) or `no-store`, never a
  // shared cache's policy. Anonymous answers keep the route's own policy or the default set above,
  // so the public verification routes (anonymous) skip this check.
  fastify.addHook('onSend', (request, reply, payload, done) => {
    if (request.headers.authorization !== undefined && apiPath.test(request.url)) {
      if (!String(reply.getHeader('cache-control') ?? '').startsWith('private'))
        reply.header('cache-control', 'no-store');
    }
    done(null, payload);
  });
}
