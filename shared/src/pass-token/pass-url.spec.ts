import { describe, expect, it } from '@jest/globals';
import { encodePassUrl, extractTokenFromUrl, passUrlPrefix, qrAlphanumericPattern } from './pass-url.js';

const token = Uint8Array.from({ length: 150 }, (_, i) => (i * 37) & 0xff);

describe('pass URL', () => {
  it('upper-cases the prefix so that all but the digits fits QR alphanumeric mode', () => {
    const url = encodePassUrl('https://pass.example.gov.cn/', token);
    expect(url).toMatch(/^HTTPS:\/\/PASS\.EXAMPLE\.GOV\.CN\/V\/\d+$/);
    expect(qrAlphanumericPattern.test(url)).toBe(true);
    expect(passUrlPrefix('http://127.0.0.1:3000')).toBe('HTTP://127.0.0.1:3000/V/');
  });

  it('gives the token back from the URL in any case, with a trailing slash, query or fragment', () => {
    const url = encodePassUrl('https://pass.example.gov.cn', token);
    for (const variant of [url, url.toLowerCase(), `${url}/`, `${url}?from=scan`, `${url}#top`]) {
      expect(extractTokenFromUrl(variant)).toEqual(token);
    }
  });

  it('reads WeChat’s URL-encoded q value, alone or in a mini-program link', () => {
    const url = encodePassUrl('https://pass.example.gov.cn', token);
    expect(extractTokenFromUrl(encodeURIComponent(url))).toEqual(token);
    expect(extractTokenFromUrl(`https://example.com/pages/scan?q=${encodeURIComponent(url)}&scancode_time=1`)).toEqual(
      token,
    );
  });

  it('checks the prefix when a base URL is given', () => {
    const url = encodePassUrl('https://pass.example.gov.cn', token);
    expect(extractTokenFromUrl(url, 'https://PASS.example.gov.cn')).toEqual(token);
    expect(extractTokenFromUrl(url, 'https://evil.example.com')).toBeNull();
  });

  it('answers null for what is not a pass URL', () => {
    expect(extractTokenFromUrl('https://pass.example.gov.cn/V/12')).toBeNull();
    expect(extractTokenFromUrl('https://pass.example.gov.cn/W/123')).toBeNull();
    expect(extractTokenFromUrl('二维码')).toBeNull();
    expect(extractTokenFromUrl('%E0%A4%A')).toBeNull();
  });
});
