import type { KeyPress } from './use-keys';

/** WeChat on a phone has no keyboard shortcuts (see use-keys.ts). */
export function useKeys(_handle: (press: KeyPress) => boolean, _enabled = true): void {}

/** WeChat focuses a text box through its `focus` prop instead (see use-keys.ts). */
export function useFocusWhen(_selector: string, _when: boolean): void {}
