/**
 * H5 only (imported by aria.ts): Taro's modal (`Taro.showModal`, also behind `showFailure`) is plain
 * divs that a screen reader does not announce and a keyboard cannot reach. Taro builds it once and
 * shows or hides it again; this makes it a dialog (WCAG 4.1.2, 2.1.1, 2.4.3):
 *
 * - the box is a `dialog` named by its title, its two texts are `button`s;
 * - when it opens, the focus moves to its confirming button, and back to where it was when it closes;
 * - while it is open, keys stay in it: Tab and Shift+Tab go between its buttons, Enter or Space
 *   presses the focused one, Esc cancels (or confirms a notice with no cancel), and the page's own
 *   shortcuts (use-keys.ts) do not see them.
 */
const shown = (el: HTMLElement) => el.isConnected && getComputedStyle(el).display !== 'none';

const buttonsOf = (modal: HTMLElement) =>
  [...modal.querySelectorAll<HTMLElement>('.taro-model__btn')].filter((button) => button.style.display !== 'none');

const openModal = () => [...document.querySelectorAll<HTMLElement>('.taro__modal')].find(shown);

/** Where the focus was before the modal took it. */
let before: HTMLElement | null = null;

function opened(modal: HTMLElement): void {
  if (!shown(modal)) {
    // Closed: the focus goes back, unless the page moved it meanwhile.
    const now = document.activeElement;
    if (before?.isConnected && (!now || now === document.body || modal.contains(now))) before.focus();
    before = null;
    return;
  }
  const buttons = buttonsOf(modal);
  if (buttons.length === 0 || buttons.includes(document.activeElement as HTMLElement)) return;
  before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  buttons[buttons.length - 1].focus();
}

function described(modal: HTMLElement): void {
  const box = modal.querySelector<HTMLElement>('.taro-modal__content');
  const title = modal.querySelector<HTMLElement>('.taro-modal__title');
  const text = modal.querySelector<HTMLElement>('.taro-modal__text');
  if (box && title && text) {
    title.id = 'taro-modal-title';
    text.id = 'taro-modal-text';
    box.setAttribute('role', 'dialog');
    box.setAttribute('aria-modal', 'true');
    box.setAttribute('aria-labelledby', title.id);
    box.setAttribute('aria-describedby', text.id);
  }
  for (const button of modal.querySelectorAll<HTMLElement>('.taro-model__btn')) {
    button.setAttribute('role', 'button');
    button.tabIndex = 0;
  }
  // Shown and hidden again through its style.
  new MutationObserver(() => opened(modal)).observe(modal, { attributes: true, attributeFilter: ['style'] });
  opened(modal);
}

if (typeof document !== 'undefined') {
  new MutationObserver(() => {
    for (const modal of document.querySelectorAll<HTMLElement>('.taro__modal:not([data-described])')) {
      modal.dataset.described = 'true';
      described(modal);
    }
  }).observe(document.body, { childList: true });

  document.addEventListener(
    'keydown',
    (event) => {
      const modal = openModal();
      if (!modal) return;
      const buttons = buttonsOf(modal);
      const focused = buttons.indexOf(document.activeElement as HTMLElement);
      if (event.key === 'Escape') buttons[0]?.click();
      else if (event.key === 'Enter' || event.key === ' ') (buttons[focused] ?? buttons[buttons.length - 1])?.click();
      else if (event.key === 'Tab') {
        const step = event.shiftKey ? -1 : 1;
        buttons[(focused + step + buttons.length) % buttons.length]?.focus();
      }
      // Every key stops here: the page under the modal is not to act on it.
      if (['Escape', 'Enter', ' ', 'Tab'].includes(event.key)) event.preventDefault();
      event.stopImmediatePropagation();
    },
    true,
  );
}
