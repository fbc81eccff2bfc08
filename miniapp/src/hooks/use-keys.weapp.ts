import type { KeyPress } from './use-keys';

/** WeChat on a phone has no keyboard shortcuts (see use-keys.ts). */
export function useKeys(_handle: (press: KeyPress) => boolean, _enabled = true): void {}
