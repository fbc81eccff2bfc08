/**
 * WeChat subscribe messages (订阅消息) exist only in the mini-program: in H5 (a browser) there is
 * nothing to ask for. The WeChat build replaces this file with `subscribe-messages.weapp.ts`.
 */
export function prepareSubscriptions(): void {}

export function askForSubscriptions(): void {}
