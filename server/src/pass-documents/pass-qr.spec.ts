import { describe, expect, it } from '@jest/globals';
import jsqr from 'jsqr';
import pngjs from 'pngjs';
import { createPassQr, passQrSegments, passQrVersion, pixelsPerModule, renderQrPng, renderQrSvg } from './pass-qr.js';
import { largestNationalPass, maxPassQrVersion, measurePassQr } from './qr-budget.js';

// jsqr is CommonJS: its ES default export is `module.exports.default`.
const jsQR = jsqr.default;

const url = `HTTPS://PASS.EXAMPLE.GOV.CN/V/${'31415926535897932'.repeat(20)}`;

describe('pass QR code', () => {
  it('uses alphanumeric mode for the prefix and numeric mode for the token', () => {
    expect(passQrSegments(url).map((s) => s.mode)).toEqual(['alphanumeric', 'numeric']);
    expect(createPassQr(url).segments.map((s) => s.mode.id)).toEqual(['Alphanumeric', 'Numeric']);
    expect(passQrSegments('https://lower.case/V/123').map((s) => s.mode)).toEqual(['byte', 'numeric']);
  });

  it('stays within version 13 at level Q for the largest national pass', () => {
    const measure = measurePassQr('https://txz.jtt.jiangsu.gov.cn');
    expect(measure.version).toBeLessThanOrEqual(maxPassQrVersion);
    expect(measurePassQr('http://127.0.0.1:3000', { ...largestNationalPass, waypointCodes: [] }).version).toBeLessThan(
      measure.version,
    );
  });

  it('knows the version without drawing the code, the one createPassQr draws', () => {
    for (const digits of [10, 200, 400, 560, 640, 700]) {
      const long = `HTTPS://PASS.EXAMPLE.GOV.CN/V/${'7'.repeat(digits)}`;
      expect([digits, passQrVersion(long)]).toEqual([digits, createPassQr(long).version]);
    }
    // More than version 40 holds: no version (issuance then signs the pass without the crew's initials).
    expect(passQrVersion(`HTTPS://PASS.EXAMPLE.GOV.CN/V/${'7'.repeat(6000)}`)).toBe(Number.POSITIVE_INFINITY);
  });

  it('renders a PNG of at least 5 px per module that states 300 dpi, and decodes with jsQR', async () => {
    expect(pixelsPerModule(300, 0.4)).toBe(5);
    expect(pixelsPerModule(300, 0.1)).toBe(5);
    const png = await renderQrPng(url);
    const image = pngjs.PNG.sync.read(png);
    const qr = createPassQr(url);
    expect(image.width).toBe((qr.modules.size + 8) * 5);
    const phys = png.indexOf('pHYs');
    expect(png.readUInt32BE(phys + 4)).toBe(11811); // pixels per metre = 300 dpi
    expect(png.indexOf('pHYs')).toBeLessThan(png.indexOf('IDAT'));
    const decoded = jsQR(new Uint8ClampedArray(image.data), image.width, image.height);
    expect(decoded?.data).toBe(url);
  });

  it('draws every module as a square of pixels, dark in the colour asked (alpha over white), the quiet zone white', async () => {
    const qr = createPassQr(url);
    const side = qr.modules.size + 8;
    for (const [dark, grey] of [
      [undefined, 0x00],
      ['#999999ff', 0x99],
      ['#000000', 0x00],
      ['#0008', 0x77],
    ] as const) {
      const scale = pixelsPerModule(200, 0.5); // 4 px: 8 pixels of a row span two modules' bytes
      const image = pngjs.PNG.sync.read(await renderQrPng(url, { dpi: 200, moduleMm: 0.5, dark }));
      expect([image.width, image.height]).toEqual([side * scale, side * scale]);
      const wrong: string[] = [];
      for (let y = 0; y < image.height; y++) {
        for (let x = 0; x < image.width; x++) {
          const [row, column] = [Math.floor(y / scale) - 4, Math.floor(x / scale) - 4];
          const inCode = row >= 0 && column >= 0 && row < qr.modules.size && column < qr.modules.size;
          const want = inCode && qr.modules.get(row, column) === 1 ? grey : 0xff;
          const at = 4 * (y * image.width + x);
          const got = [...image.data.subarray(at, at + 4)];
          if (got.join() !== [want, want, want, 0xff].join()) wrong.push(`${x},${y}: ${got} not ${want}`);
        }
      }
      expect(wrong.slice(0, 5)).toEqual([]);
    }
  });

  it('draws the PNG in the calling thread, into memory of its own', async () => {
    // Not through a zlib stream on libuv's thread pool: zlib's state allocated on those threads stays in
    // glibc's per-thread arenas once freed (a few hundred codes drawn side by side grew the server by
    // ~40 MiB for good). Drawn in this thread, the image is ready before the event loop turns again.
    let loopTurned = false;
    setImmediate(() => {
      loopTurned = true;
    });
    const png = await renderQrPng(url);
    expect(loopTurned).toBe(false);
    // Cached by its length (PassDocumentService): a slice of Node's shared buffer pool would keep more.
    expect(png.buffer.byteLength).toBe(png.length);
  });

  it('renders an SVG with a quiet zone and a physical size', () => {
    const svg = renderQrSvg(url, { moduleMm: 0.5 });
    const side = createPassQr(url).modules.size + 8;
    expect(svg).toContain(`viewBox="0 0 ${side} ${side}"`);
    expect(svg).toContain(`width="${(side * 0.5).toFixed(2)}mm"`);
    expect(svg).toMatch(/^<svg [^>]*><rect width="\d+" height="\d+" fill="#fff"\/><path fill="#000" d="M4 4h7v1h-7z/);
  });
});
