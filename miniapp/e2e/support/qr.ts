import { createRequire } from 'node:module';

// jsqr and pngjs are the server's test dependencies; load them from there.
const require = createRequire(new URL('../../../server/package.json', import.meta.url));
const jsqr = require('jsqr') as { default?: JsQr } & JsQr;
const { PNG } = require('pngjs') as {
  PNG: { sync: { read(buffer: Buffer): { width: number; height: number; data: Buffer } } };
};

type JsQr = (data: Uint8ClampedArray, width: number, height: number) => { data: string } | null;
const jsQR: JsQr = jsqr.default ?? jsqr;

/** The text of the QR code in a `data:image/png;base64,…` URL, as a scanner would read it. */
export function decodeQrDataUrl(dataUrl: string): string {
  const base64 = dataUrl.slice(dataUrl.indexOf(',') + 1);
  const image = PNG.sync.read(Buffer.from(base64, 'base64'));
  const code = jsQR(new Uint8ClampedArray(image.data), image.width, image.height);
  if (!code) throw new Error('no QR code found in the image');
  return code.data;
}
