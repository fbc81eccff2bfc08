/** H5: browsers read `role` and `aria-*` themselves; the WeChat build uses `aria.weapp.ts`. */
export {};
