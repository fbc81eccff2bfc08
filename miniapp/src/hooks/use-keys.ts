import { useEffect, useRef } from 'react';

/** A key press the page handles; `typing` when it happened in a text box (letters then are text). */
export interface KeyPress {
  key: string;
  /** Ctrl or ⌘ held. */
  command: boolean;
  typing: boolean;
}

/**
 * Keyboard shortcuts of a desktop browser: `handle` gets each key pressed while the page is shown and
 * returns true when it used it (the browser then does nothing else with it). WeChat has no keyboard
 * here: `use-keys.weapp.ts` does nothing.
 */
export function useKeys(handle: (press: KeyPress) => boolean, enabled = true): void {
  const handler = useRef(handle);
  handler.current = handle;
  useEffect(() => {
    if (!enabled) return;
    const listener = (event: KeyboardEvent) => {
      if (event.altKey || event.isComposing) return;
      const target = event.target as HTMLElement | null;
      // Enter and Space press the focused control (aria.ts).
      const onControl = target?.closest('[role="button"], [role="checkbox"], [role="radio"], [role="switch"]');
      if ((event.key === 'Enter' || event.key === ' ') && !event.ctrlKey && !event.metaKey && onControl) return;
      const typing = Boolean(target?.closest('input, textarea, [contenteditable="true"]'));
      if (handler.current({ key: event.key, command: event.ctrlKey || event.metaKey, typing })) event.preventDefault();
    };
    // Capture: Taro's H5 text box stops the key events it gets from bubbling (Ctrl+Enter in it must reach us).
    document.addEventListener('keydown', listener, true);
    return () => document.removeEventListener('keydown', listener, true);
  }, [enabled]);
}

/**
 * Puts the cursor in the first element of `selector` once `when` turns true: a popup opened with a key
 * is typed into at once. After the popup's opening animation, which a focus would otherwise miss.
 */
export function useFocusWhen(selector: string, when: boolean): void {
  useEffect(() => {
    if (!when) return;
    const timer = setTimeout(() => document.querySelector<HTMLElement>(selector)?.focus(), 300);
    return () => clearTimeout(timer);
  }, [selector, when]);
}
