import { describe, expect, it } from '@jest/globals';
import type { AppConfig } from '../config/app-config.js';
import { PassDocumentService } from './pass-document.service.js';
import { renderQrPng } from './pass-qr.js';

const url = (digits: string) => `HTTPS://PASS.EXAMPLE.GOV.CN/V/${digits.repeat(20)}`;

describe('PassDocumentService.qrPng (cached renders)', () => {
  const documents = new PassDocumentService({ publicBaseUrl: 'https://pass.example.gov.cn' } as AppConfig);

  it('answers a repeated request with the same image as a fresh render, and never mixes passes or options', async () => {
    const first = url('31415926535897932');
    const second = url('27182818284590452');
    expect(await documents.qrPng(first)).toEqual(await renderQrPng(first));
    expect(await documents.qrPng(first)).toEqual(await renderQrPng(first));
    expect(await documents.qrPng(second)).toEqual(await renderQrPng(second));
    expect(await documents.qrPng(second)).not.toEqual(await documents.qrPng(first));
    const grey = await documents.qrPng(first, { dark: '#999999ff' });
    expect(grey).toEqual(await renderQrPng(first, { dark: '#999999ff' }));
    expect(grey).not.toEqual(await documents.qrPng(first));
    expect(await documents.qrPng(first, { dpi: 600 })).toEqual(await renderQrPng(first, { dpi: 600 }));
  });
});
