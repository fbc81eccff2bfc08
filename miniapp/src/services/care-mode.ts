/**
 * Care mode (长辈模式): larger text and tap targets for older users. It follows the system's font
 * setting until the user switches it in the app; the choice is kept in storage. H5: the inline script
 * of config/root-font.ts decides before the app starts (the stored choice, else the browser's default
 * font size), scales the root font and so every size of the page, and sets `html.care-mode`. WeChat
 * uses `care-mode.weapp.ts`.
 */
import { writeStored } from './storage';

/** Also read by the inline script of config/root-font.ts. */
export const careModeKey = 'careMode';

export function careModeOn(): boolean {
  return document.documentElement.classList.contains('care-mode');
}

export function setCareMode(on: boolean): void {
  writeStored(careModeKey, on);
  (window as { __passRootFont?: () => void }).__passRootFont?.();
}
