import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { decimalToBytes, encodePassUrl } from '@pass/shared';
import { LRUCache } from 'lru-cache';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { passFonts } from './fonts.js';
import { renderPassPdf } from './pass-pdf.js';
import {
  createPassQr,
  passQrVersion,
  type QrPngOptions,
  type QrSvgOptions,
  renderQrPng,
  renderQrSvg,
} from './pass-qr.js';
import type { PrintablePass } from './printable-pass.js';
import { maxPassQrVersion, measurePassQr } from './qr-budget.js';

/**
 * The pass as images and as the printable A4 document. `url` is what `PassTokenService.issue`
 * returned; nothing here signs or looks anything up.
 */
@Injectable()
export class PassDocumentService implements OnModuleInit {
  /**
   * A pass's QR code never changes (its URL is its signed token), but drawing it costs milliseconds of
   * CPU (choosing the mask alone ~4 ms): the fleet home, the pass screen and the print preview ask for
   * it again and again. PNG and SVG, each kept per URL and options; 1–2 KiB as PNG, up to 15 as SVG, so 16 MiB holds
   * the passes anyone is looking at. Callers check who may see the pass before they ask.
   */
  private readonly images = new LRUCache<string, Buffer | string>({
    maxSize: 16 * 1024 * 1024,
    sizeCalculation: (image) => image.length,
  });

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** A long PUBLIC_BASE_URL costs QR capacity; say so at boot rather than on a printed pass. */
  onModuleInit(): void {
    const { version } = measurePassQr(this.config.publicBaseUrl, undefined, this.config.signing.algorithm);
    if (version > maxPassQrVersion) {
      new Logger('PassDocuments').warn(
        `PUBLIC_BASE_URL 过长：最大的通行证二维码需要版本 ${version}（上限 ${maxPassQrVersion}），请缩短网址`,
      );
    }
  }

  /** The URL a pass's QR code carries: this deployment's address and the token stored as digits at issue. */
  urlOf(tokenDigits: string): string {
    // The digits were written by bytesToDecimal at issue, so they always decode.
    return encodePassUrl(this.config.publicBaseUrl, decimalToBytes(tokenDigits)!);
  }

  /** PNG for print at `dpi` (default 300, 5 px per module, written into the file) or screens. */
  async qrPng(url: string, options?: QrPngOptions): Promise<Buffer> {
    const key = `png ${JSON.stringify(options ?? {})} ${url}`;
    const cached = this.images.get(key);
    if (cached) return cached as Buffer;
    const png = await renderQrPng(url, options);
    this.images.set(key, png);
    return png;
  }

  /** SVG sized in mm (default 0.5 mm per module). */
  qrSvg(url: string, options?: QrSvgOptions): string {
    const key = `svg ${JSON.stringify(options ?? {})} ${url}`;
    const cached = this.images.get(key);
    if (cached) return cached as string;
    const svg = renderQrSvg(url, options);
    this.images.set(key, svg);
    return svg;
  }

  /** Whether a pass URL's QR code stays within the size every pass is laid out for (version 13, level Q). */
  fitsQrBudget(url: string): boolean {
    return passQrVersion(url) <= maxPassQrVersion;
  }

  /** QR version and size, e.g. to check that a pass's URL stays within version 13. */
  qrInfo(url: string): { version: number; modules: number; errorCorrectionLevel: 'Q' } {
    const qr = createPassQr(url);
    return { version: qr.version, modules: qr.modules.size, errorCorrectionLevel: 'Q' };
  }

  /** A4 landscape PDF of the national template with the QR code. */
  pdf(pass: PrintablePass, url: string): Promise<Buffer> {
    return renderPassPdf(pass, createPassQr(url), passFonts());
  }
}
