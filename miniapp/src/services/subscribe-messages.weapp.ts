import Taro from '@tarojs/taro';
import { notificationsApi } from './notifications';

/** The role's template ids, read when a page that asks shows: the ask itself must follow a tap at once. */
let templateIds: string[] = [];

/** Reads the template ids ahead of the tap (best effort: without them nothing is asked). */
export function prepareSubscriptions(): void {
  notificationsApi
    .subscribeTemplates()
    .then((answer) => {
      templateIds = answer.templateIds;
    })
    .catch(() => {
      templateIds = [];
    });
}

/**
 * Asks the user to accept this role's messages; called first thing in the tap that leads to them
 * (WeChat allows the request only in a tap). A refusal changes nothing else: the in-app message
 * centre still has every message.
 */
export function askForSubscriptions(): void {
  if (templateIds.length === 0) return;
  Taro.requestSubscribeMessage({ tmplIds: templateIds, entityIds: [] }).catch(() => undefined);
}
