/** Base64 and base64url without atob/btoa, which the WeChat runtimes lack. */
const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const urlAlphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

const sextetOf = new Map<string, number>();
for (let i = 0; i < 64; i++) {
  sextetOf.set(alphabet[i]!, i);
  sextetOf.set(urlAlphabet[i]!, i);
}

function encode(bytes: Uint8Array, chars: string, pad: boolean): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const remaining = bytes.length - i;
    out += chars[(n >> 18) & 63]! + chars[(n >> 12) & 63]!;
    out += remaining > 1 ? chars[(n >> 6) & 63]! : pad ? '=' : '';
    out += remaining > 2 ? chars[n & 63]! : pad ? '=' : '';
  }
  return out;
}

export const encodeBase64 = (bytes: Uint8Array): string => encode(bytes, alphabet, true);
export const encodeBase64Url = (bytes: Uint8Array): string => encode(bytes, urlAlphabet, false);

/** Either alphabet, padded or not; undefined for anything else. */
export function decodeBase64(text: string): Uint8Array | undefined {
  const body = text.replace(/={1,2}$/, '');
  if (body.length % 4 === 1) return undefined;
  const out = new Uint8Array(Math.floor((body.length * 3) / 4));
  let buffer = 0;
  let bits = 0;
  let o = 0;
  for (const char of body) {
    const value = sextetOf.get(char);
    if (value === undefined) return undefined;
    buffer = ((buffer << 6) | value) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (buffer >> bits) & 0xff;
    }
  }
  return out;
}

const hexOfByte = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

/** Lower-case hex; by table, as key ids and keys are turned to hex on every verification. */
export function toHex(bytes: Uint8Array): string {
  let hex = '';
  for (let i = 0; i < bytes.length; i++) hex += hexOfByte[bytes[i]!];
  return hex;
}

export function fromHex(hex: string): Uint8Array | undefined {
  if (!/^(?:[0-9a-fA-F]{2})*$/.test(hex)) return undefined;
  return Uint8Array.from(hex.match(/../g) ?? [], (pair) => Number.parseInt(pair, 16));
}
