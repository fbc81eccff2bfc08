import '@tarojs/components/types/common';

declare module '@tarojs/components/types/common' {
  interface StandardProps {
    /** H5 only (WeChat has no keyboard focus here): makes a control reachable with Tab. */
    tabIndex?: number;
  }
}
