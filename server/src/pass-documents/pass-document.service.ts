import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { passFonts } from './fonts.js';
import { renderPassPdf } from './pass-pdf.js';
import { createPassQr, type QrPngOptions, type QrSvgOptions, renderQrPng, renderQrSvg } from './pass-qr.js';
import type { PrintablePass } from './printable-pass.js';
import { maxPassQrVersion, measurePassQr } from './qr-budget.js';

/**
 * The pass as images and as the printable A4 document. `url` is what `PassTokenService.issue`
 * returned; nothing here signs or looks anything up.
 */
@Injectable()
export class PassDocumentService implements OnModuleInit {
  /**
   * A pass's QR code never changes (its URL is its signed token), but rendering the PNG costs ~15 ms of
   * CPU: the fleet home, the pass screen and the print preview ask for it again and again. About 8 KiB a
   * pass, so 16 MiB holds the passes anyone is looking at.
   */
  private readonly pngCache = new LRUCache<string, Buffer>({
    maxSize: 16 * 1024 * 1024,
    sizeCalculation: (png) => png.length,
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

  /** PNG for print at `dpi` (default 300, 5 px per module, written into the file) or screens. */
  async qrPng(url: string, options?: QrPngOptions): Promise<Buffer> {
    const key = `${JSON.stringify(options ?? {})} ${url}`;
    const cached = this.pngCache.get(key);
    if (cached) return cached;
    const png = await renderQrPng(url, options);
    this.pngCache.set(key, png);
    return png;
  }

  /** SVG sized in mm (default 0.5 mm per module). */
  qrSvg(url: string, options?: QrSvgOptions): string {
    return renderQrSvg(url, options);
  }

  /** Whether a pass URL's QR code stays within the size every pass is laid out for (version 13, level Q). */
  fitsQrBudget(url: string): boolean {
    return createPassQr(url).version <= maxPassQrVersion;
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
