import { describe, expect, it } from '@jest/globals';
import { ErrorCode, errorMessages, Role, roleNames } from './index.js';

describe('shared constants', () => {
  it('names every role in Chinese', () => {
    for (const role of Object.values(Role)) {
      expect(roleNames[role]).toMatch(/[\u4e00-\u9fa5]/);
    }
  });

  it('has a Chinese message for every error code, and codes are unique', () => {
    const codes = Object.values(ErrorCode);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) {
      expect(errorMessages[code]).toMatch(/[\u4e00-\u9fa5]/);
    }
  });
});
