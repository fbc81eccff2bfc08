import { bytesToDecimal, decimalToBytes } from './decimal.js';

/**
 * The QR code holds a URL of the online verification page, `HTTPS://PASS.EXAMPLE.GOV.CN/V/<digits>`:
 * WeChat's scanner opens it, and the checkpoint app reads the token from it and verifies offline.
 * Everything before the digits is upper case so that it fits the QR alphanumeric mode (scheme and
 * host are case-insensitive; the server must answer the upper-case path), and the token is decimal
 * digits for the numeric mode. `V` names version 1 of the token format; a new format gets a new path.
 */
export const passUrlPath = 'V';

/** Characters of the QR alphanumeric mode (ISO/IEC 18004 §7.4.4). */
export const qrAlphanumericPattern = /^[0-9A-Z $%*+\-./:]*$/;

/** The part of a pass URL before the token, e.g. `HTTPS://PASS.EXAMPLE.GOV.CN/V/`. */
export function passUrlPrefix(baseUrl: string): string {
  return `${baseUrl.replace(/\/+$/, '').toUpperCase()}/${passUrlPath}/`;
}

export function encodePassUrl(baseUrl: string, token: Uint8Array): string {
  return passUrlPrefix(baseUrl) + bytesToDecimal(token);
}

const tokenInPath = new RegExp(`/${passUrlPath}/(\\d+)/?(?:[?#].*)?$`, 'i');

function decodeRepeatedly(text: string): string {
  let current = text.trim();
  // WeChat hands a mini-program the scanned URL URL-encoded in its `q` option; accept one more level.
  for (let i = 0; i < 2 && /%[0-9a-f]{2}/i.test(current); i++) {
    try {
      current = decodeURIComponent(current);
    } catch {
      return current;
    }
  }
  return current;
}

/** The URL that carries the token: the scanned text itself, or the one in WeChat's `q` value. */
function carrierUrl(text: string): string {
  const url = decodeRepeatedly(text);
  const q = /[?&]q=([^&#]+)/.exec(url);
  return q && !tokenInPath.test(url.split('?')[0]!) ? decodeRepeatedly(q[1]!) : url;
}

/**
 * `scheme://host[:port]` of an absolute URL, lower case, without user info and without the scheme's
 * default port; undefined when the text has no scheme and host. Written without `URL`, which
 * mini-program runtimes lack.
 */
export function urlOrigin(text: string): string | undefined {
  const match = /^([a-z][a-z0-9+.-]*):\/\/([^/?#\\]*)/i.exec(text.trim());
  if (!match) return undefined;
  const scheme = match[1]!.toLowerCase();
  // `https://official.gov.cn@look-alike.example/` goes to the host after the last `@`.
  const host = match[2]!.slice(match[2]!.lastIndexOf('@') + 1).toLowerCase();
  if (!host) return undefined;
  const defaultPort = scheme === 'https' ? ':443' : scheme === 'http' ? ':80' : undefined;
  return `${scheme}://${defaultPort && host.endsWith(defaultPort) ? host.slice(0, -defaultPort.length) : host}`;
}

/** The origin of the pass URL in a scanned text (also inside WeChat's `q`), if it has one. */
export function scannedPassUrlOrigin(text: string): string | undefined {
  return urlOrigin(carrierUrl(text));
}

/**
 * The token of a scanned pass URL, in any letter case, also when given as WeChat's URL-encoded `q`
 * value or a `...?q=` URL. With `baseUrl`, only URLs under it are accepted. Null when the text is not
 * a pass URL or its digits cannot be a token.
 */
export function extractTokenFromUrl(text: string, baseUrl?: string): Uint8Array | null {
  const url = carrierUrl(text);
  const match = tokenInPath.exec(url);
  if (!match) return null;
  if (baseUrl !== undefined && !url.toUpperCase().startsWith(passUrlPrefix(baseUrl))) return null;
  return decimalToBytes(match[1]!) ?? null;
}
