import { crc32, deflateSync } from 'node:zlib';

/** What `encodeQrPng` draws: a square of modules, each dark or light, with a quiet zone around it. */
export interface QrBitmap {
  /** Modules across the code, quiet zone excluded. */
  size: number;
  isDark(row: number, column: number): boolean;
}

export interface QrPngLayout {
  quietZoneModules: number;
  pixelsPerModule: number;
  /** Written into the file (pHYs), so that "print at actual size" gives the intended module size. */
  dpi: number;
  /** Colour of dark modules, `#rgb`, `#rgba`, `#rrggbb` or `#rrggbbaa` (alpha over white); light is white. */
  dark: string;
}

/**
 * A QR code as a two-colour PNG: 1 bit a pixel with a two-entry palette, each row filtered against the
 * one above (a module is several identical rows, which then deflate to almost nothing), deflated in this
 * thread. Written by hand rather than through qrcode's renderer because that one builds an RGBA bitmap
 * (4 bytes a pixel) and deflates it with a zlib stream on libuv's thread pool: zlib's state is then
 * allocated on those threads, and glibc keeps what they freed in their own arenas, so a few hundred QR
 * codes drawn side by side left the server ~40 MiB larger for good (docs/scaling.md §1, memory). Here
 * every buffer is allocated and freed on the main thread, one image at a time, and is 32 times smaller.
 */
export function encodeQrPng(qr: QrBitmap, layout: QrPngLayout): Buffer {
  const { quietZoneModules: quiet, pixelsPerModule: scale } = layout;
  const side = (qr.size + 2 * quiet) * scale;
  const stride = 1 + Math.ceil(side / 8);
  // Filter byte, then 8 pixels a byte, most significant bit first; palette index 0 is light (all zero).
  const raw = Buffer.alloc(stride * side);
  for (let moduleRow = 0; moduleRow < qr.size; moduleRow++) {
    const first = (quiet + moduleRow) * scale * stride;
    for (let column = 0; column < qr.size; column++) {
      if (!qr.isDark(moduleRow, column)) continue;
      const x0 = (quiet + column) * scale;
      for (let x = x0; x < x0 + scale; x++) raw[first + 1 + (x >> 3)]! |= 0x80 >> (x & 7);
    }
    // The module's other pixel rows repeat the first: filter "Up" (2) with every difference zero.
    for (let r = 1; r < scale; r++) raw[first + r * stride] = 2;
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(side, 0);
  header.writeUInt32BE(side, 4);
  header.set([1, 3, 0, 0, 0], 8); // bit depth 1, palette, deflate, adaptive filtering, no interlace
  const pixelsPerMetre = Math.round(layout.dpi / 0.0254);
  const physical = Buffer.alloc(9);
  physical.writeUInt32BE(pixelsPerMetre, 0);
  physical.writeUInt32BE(pixelsPerMetre, 4);
  physical.writeUInt8(1, 8); // unit: metre
  const parts = [
    pngSignature,
    chunk('IHDR', header),
    chunk('pHYs', physical),
    chunk('PLTE', Buffer.from([255, 255, 255, ...overWhite(layout.dark)])),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ];
  // Its own memory, not a slice of Node's shared 8 KiB pool (Buffer.concat's for small sizes): the image is
  // cached, and a cached slice would keep the whole pool slab alive while the cache counts only its length.
  const png = Buffer.alloc(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) offset += part.copy(png, offset);
  return png;
}

const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function chunk(type: string, data: Buffer): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** A hex colour's red, green and blue drawn over white (its alpha, if any, as coverage). */
function overWhite(hex: string): [number, number, number] {
  const digits = /^#([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i.exec(hex)?.[1];
  if (!digits) throw new Error(`QR colour must be #rgb, #rgba, #rrggbb or #rrggbbaa, got ${hex}`);
  const full = digits.length <= 4 ? [...digits].map((d) => d + d).join('') : digits;
  const [red, green, blue, alpha = 255] = full.match(/../g)!.map((pair) => Number.parseInt(pair, 16));
  const over = (c: number) => Math.round(255 - ((255 - c) * alpha) / 255);
  return [over(red!), over(green!), over(blue!)];
}
