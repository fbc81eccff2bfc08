import { describe, expect, it } from '@jest/globals';
import type { AppConfig } from '../config/app-config.js';
import { PassDocumentService } from './pass-document.service.js';
import { renderQrPng, renderQrSvg } from './pass-qr.js';

const url = (digits: string) => `HTTPS://PASS.EXAMPLE.GOV.CN/V/${digits.repeat(20)}`;

describe('PassDocumentService QR images (cached renders)', () => {
  const documents = new PassDocumentService({ publicBaseUrl: 'https://pass.example.gov.cn' } as AppConfig);

  it('answers a repeated request with the same image as a fresh render, and never mixes passes or options', async () => {
    const first = url('31415926535897932');
    const second = url('27182818284590452');
    const grey = { dark: '#999999ff' };
    const fresh = await Promise.all([renderQrPng(first), renderQrPng(second), renderQrPng(first, grey)]);
    for (let round = 0; round < 2; round += 1) {
      expect(await documents.qrPng(first)).toEqual(fresh[0]);
      expect(await documents.qrPng(second)).toEqual(fresh[1]);
      expect(await documents.qrPng(first, grey)).toEqual(fresh[2]);
    }
    expect(fresh[1]).not.toEqual(fresh[0]);
    expect(fresh[2]).not.toEqual(fresh[0]);
  });

  it('answers a repeated SVG request with the same image as a fresh render, per pass and options', () => {
    const first = url('16180339887498948');
    const second = url('14142135623730950');
    const large = { moduleMm: 1 };
    const fresh = [renderQrSvg(first), renderQrSvg(second), renderQrSvg(first, large)];
    for (let round = 0; round < 2; round += 1) {
      expect(documents.qrSvg(first)).toBe(fresh[0]);
      expect(documents.qrSvg(second)).toBe(fresh[1]);
      expect(documents.qrSvg(first, large)).toBe(fresh[2]);
    }
    expect(new Set(fresh).size).toBe(3);
  });
});
