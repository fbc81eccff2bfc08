/**
 * H5: browsers read `role` and `aria-*` themselves (the build drops WeChat's `aria-role`, see
 * babel.config.js); the WeChat build uses `aria.weapp.ts`. What a browser does for a native control
 * it does here for our Views that act as one (WCAG 2.1.1, keyboard):
 *
 * - Taro's H5 router scrolls each page inside its own `.taro_page` element, not the document: a page
 *   whose content has no focusable element could not be scrolled from the keyboard, so each page is
 *   focusable (axe-core's scrollable-region-focusable).
 * - A View with a control's role (button, checkbox, radio, switch) is reached with Tab and pressed with
 *   Enter or Space, as a <button> is.
 */
import './taro-modal';

const controls = ['button', 'checkbox', 'radio', 'switch'].map((role) => `[role="${role}"]`).join(',');

if (typeof document !== 'undefined') {
  const focusable = () => {
    for (const el of document.querySelectorAll<HTMLElement>(`.taro_page:not([tabindex]), ${controls}`)) {
      if (!el.hasAttribute('tabindex')) el.tabIndex = 0;
    }
  };
  new MutationObserver(focusable).observe(document.documentElement, { childList: true, subtree: true });
  focusable();

  document.addEventListener('keydown', (event) => {
    const target = event.target as HTMLElement | null;
    if ((event.key !== 'Enter' && event.key !== ' ') || !target?.matches(controls)) return;
    event.preventDefault();
    target.click();
  });
}
