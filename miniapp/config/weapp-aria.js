// WeChat reads a component's accessibility role and state from aria-role, aria-checked and
// aria-selected; `role` is H5 only, and Taro's weapp templates carry none of these. This Taro plugin
// adds them to <view>'s template (as @tarojs/plugin-inject does), so `aria-role` etc. on a View reach
// WeChat; components set `role` for H5 and `aria-role` for WeChat.
module.exports = (ctx) => {
  ctx.registerMethod({
    name: 'onSetupClose',
    fn(platform) {
      if (!platform.template?.mergeComponents) return;
      platform.template.mergeComponents(ctx, {
        View: { 'aria-role': '', 'aria-checked': '', 'aria-selected': '', 'aria-label': '' },
        // A QR code or a scanned document is read out by its text alternative.
        Image: { 'aria-label': '' },
      });
    },
  });
};
