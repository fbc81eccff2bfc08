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
 * - NutUI's buttons (Taro's `<taro-button-core>`, not a `<button>`), clickable cells and action-sheet
 *   items are Views too: they get the role `button` (and `aria-disabled` while disabled), and so the same.
 */
import './taro-modal';

const controls = ['button', 'checkbox', 'radio', 'switch'].map((role) => `[role="${role}"]`).join(',');
const nutControls = ['.nut-button', '.nut-cell-clickable', '.nut-actionsheet-item'].join(',');
const disabled = (el: Element) =>
  el.classList.contains('nut-button-disabled') || el.classList.contains('nut-actionsheet-item-disabled');

if (typeof document !== 'undefined') {
  const marked = (el: HTMLElement) => {
    el.setAttribute('aria-disabled', String(disabled(el)));
    el.tabIndex = disabled(el) ? -1 : 0;
  };
  const focusable = () => {
    for (const el of document.querySelectorAll<HTMLElement>(nutControls)) {
      if (el.getAttribute('role') === null) el.setAttribute('role', 'button');
      if (el.getAttribute('aria-disabled') !== String(disabled(el))) marked(el);
    }
    for (const el of document.querySelectorAll<HTMLElement>(`.taro_page:not([tabindex]), ${controls}`)) {
      if (!el.hasAttribute('tabindex')) el.tabIndex = 0;
    }
  };
  new MutationObserver((changes) => {
    if (changes.some((change) => change.type === 'childList')) focusable();
    // A NutUI button turned on or off: only its class changes.
    for (const change of changes)
      if (change.type === 'attributes' && (change.target as Element).matches?.(nutControls))
        marked(change.target as HTMLElement);
  }).observe(document.documentElement, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ['class'],
  });
  focusable();

  document.addEventListener('keydown', (event) => {
    const target = event.target as HTMLElement | null;
    if ((event.key !== 'Enter' && event.key !== ' ') || !target?.matches(controls)) return;
    event.preventDefault();
    if (target.getAttribute('aria-disabled') !== 'true') target.click();
  });
}
