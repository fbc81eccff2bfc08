import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import helmet from '@fastify/helmet';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
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

/**
 * The public pass page (no JavaScript): nothing but its own inline style block, never framed, no
 * forms, no base. The style's hash is computed from the page as rendered.
 */
export function passPageContentSecurityPolicy(html: string): string {
  const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => sha256(m[1] ?? ''));
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
 * Headers on every response (helmet): CSP, X-Frame-Options DENY, nosniff, Referrer-Policy, HSTS when
 * the public address is https. API answers are personal (tokens, names, ID numbers): `no-store`
 * unless an anonymous route chose a public cache policy itself (the trust list) or a signed-in route
 * a `private` one (a pass's QR image, kept on the holder's phone, never by a shared cache).
 */
export async function registerSecurityHeaders(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  const https = config.publicBaseUrl.toLowerCase().startsWith('https://');
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: appContentSecurityPolicy(config) },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    hsts: https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    // The mini-program's WebView and other origins never embed these resources.
    crossOriginResourcePolicy: { policy: 'same-origin' },
  });
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onSend', async (request, reply, payload) => {
    const policy = String(reply.getHeader('cache-control') ?? '');
    if (
      /^\/api(?:[/?]|$)/i.test(request.url) &&
      (request.headers.authorization !== undefined ? !policy.startsWith('private') : policy === '')
    ) {
      reply.header('cache-control', 'no-store');
    }
    return payload;
  });
}
