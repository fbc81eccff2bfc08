/**
 * H5: browsers read `role` and `aria-*` themselves (the build drops WeChat's `aria-role`, see
 * babel.config.js); the WeChat build uses `aria.weapp.ts`.
 *
 * Taro's H5 router scrolls each page inside its own `.taro_page` element, not the document: a keyboard
 * user could not scroll a page whose content has no focusable element. Each page is made focusable as
 * the router adds it (WCAG 2.1.1; axe-core's scrollable-region-focusable).
 */
if (typeof document !== 'undefined') {
  const focusable = (root: ParentNode) => {
    for (const page of root.querySelectorAll<HTMLElement>('.taro_page:not([tabindex])')) page.tabIndex = 0;
  };
  new MutationObserver(() => focusable(document)).observe(document.documentElement, { childList: true, subtree: true });
  focusable(document);
}
