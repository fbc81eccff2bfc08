import { createRequire } from 'node:module';
import { qrAlphanumericPattern } from '@pass/shared';
import QRCode, { type QRCode as QRCodeMatrix, type QRCodeSegment } from 'qrcode';
import { encodeQrPng } from './qr-png.js';

/**
 * The pass QR code: error correction level Q (25 % of the code may be dirty or torn: passes ride on
 * dashboards), a 4-module quiet zone as ISO/IEC 18004 requires, and the URL in two segments, the
 * prefix in alphanumeric mode and the token digits in numeric mode, the densest each allows.
 */
export const passQrErrorCorrection = 'Q';
export const quietZoneModules = 4;
/** Smallest printed module that phone cameras read reliably at arm's length. */
export const minModuleMm = 0.4;

export type PassQr = QRCodeMatrix;

export function passQrSegments(url: string): QRCodeSegment[] {
  const match = /^(.*\/)(\d+)$/.exec(url);
  if (!match) return [{ data: Buffer.from(url, 'utf8'), mode: 'byte' }];
  const prefix = match[1]!;
  return [
    qrAlphanumericPattern.test(prefix)
      ? { data: prefix, mode: 'alphanumeric' }
      : { data: Buffer.from(prefix, 'utf8'), mode: 'byte' },
    { data: match[2]!, mode: 'numeric' },
  ];
}

export function createPassQr(url: string): PassQr {
  return QRCode.create(passQrSegments(url), { errorCorrectionLevel: passQrErrorCorrection });
}

/**
 * The library's own choice of version for a set of segments, the first step of `QRCode.create` (the
 * rest draws the code: data, error correction, masks). Not in its typed API, so required directly.
 */
const qrcodeInternals = createRequire(import.meta.url);
const qrVersionFor = (
  qrcodeInternals('qrcode/lib/core/version') as {
    getBestVersionForData(segments: unknown, errorCorrectionLevel: unknown): number | undefined;
  }
).getBestVersionForData;
const qrSegmentsFrom = (
  qrcodeInternals('qrcode/lib/core/segments') as { fromArray(segments: QRCodeSegment[]): unknown }
).fromArray;
const qrLevelQ = (qrcodeInternals('qrcode/lib/core/error-correction-level') as { Q: unknown }).Q;

/**
 * The version `createPassQr` gives the URL (the same function of the library chooses it), without
 * drawing the code: issuance asks it while it holds the issuer's serial locked, where drawing one
 * (even without scoring the eight masks) cost 0.5–1 ms and this costs microseconds. Infinity when no
 * version holds the URL.
 */
export function passQrVersion(url: string): number {
  return qrVersionFor(qrSegmentsFrom(passQrSegments(url)), qrLevelQ) ?? Number.POSITIVE_INFINITY;
}

/** Modules across, quiet zone included. */
export const qrSideModules = (qr: PassQr) => qr.modules.size + 2 * quietZoneModules;

export const isDark = (qr: PassQr, row: number, column: number) => qr.modules.get(row, column) === 1;

export interface QrPngOptions {
  /** Print resolution the image is made for, also written into the PNG (pHYs). Default 300. */
  dpi?: number;
  /** Printed module size at that resolution, at least 0.4 mm. Default 0.4 → 5 px at 300 dpi. */
  moduleMm?: number;
  /** Colour of dark modules, e.g. grey for a pass that is no longer valid. */
  dark?: string;
}

export function pixelsPerModule(dpi: number, moduleMm: number): number {
  return Math.ceil((Math.max(moduleMm, minModuleMm) * dpi) / 25.4);
}

/** PNG for print at `dpi` (5 px a module at 300 dpi by default), the resolution written into the file. */
export async function renderQrPng(url: string, options: QrPngOptions = {}): Promise<Buffer> {
  const dpi = options.dpi ?? 300;
  const qr = createPassQr(url);
  return encodeQrPng(
    { size: qr.modules.size, isDark: (row, column) => isDark(qr, row, column) },
    {
      quietZoneModules,
      pixelsPerModule: pixelsPerModule(dpi, options.moduleMm ?? minModuleMm),
      dpi,
      dark: options.dark ?? '#000000',
    },
  );
}

export interface QrSvgOptions {
  /** Module size in the SVG's width and height (mm). Default 0.5. */
  moduleMm?: number;
  dark?: string;
}

/** One path of dark runs on a white square; width and height in mm, so it prints at a known size. */
export function renderQrSvg(url: string, options: QrSvgOptions = {}): string {
  const qr = createPassQr(url);
  const side = qrSideModules(qr);
  const moduleMm = Math.max(options.moduleMm ?? 0.5, minModuleMm);
  let path = '';
  for (let row = 0; row < qr.modules.size; row++) {
    for (let column = 0; column < qr.modules.size; column++) {
      if (!isDark(qr, row, column)) continue;
      let run = 1;
      while (column + run < qr.modules.size && isDark(qr, row, column + run)) run++;
      path += `M${column + quietZoneModules} ${row + quietZoneModules}h${run}v1h-${run}z`;
      column += run - 1;
    }
  }
  const size = `${(side * moduleMm).toFixed(2)}mm`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${side} ${side}" width="${size}" height="${size}" ` +
    `shape-rendering="crispEdges"><rect width="${side}" height="${side}" fill="#fff"/>` +
    `<path fill="${options.dark ?? '#000'}" d="${path}"/></svg>\n`
  );
}
