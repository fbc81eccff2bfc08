import { mergeInternalComponents } from '@tarojs/shared';

/**
 * WeChat reads a view's accessibility role and state from aria-role, aria-checked, aria-selected and
 * aria-label. config/weapp-aria.js adds them to the compiled <view> template (aria-label to <image> too); this tells Taro's
 * runtime about them, so it passes those props to that template.
 */
mergeInternalComponents({
  View: { 'aria-role': '', 'aria-checked': '', 'aria-selected': '', 'aria-label': '' },
  Image: { 'aria-label': '' },
});
