import Taro from '@tarojs/taro';
import { ApiError } from '@/services/request';

/**
 * The Chinese message to show for a failure: the API's own message for its refusals (and for a
 * request that never arrived), otherwise `fallback`, since other errors carry no text meant for users.
 * `plain` also shows the text of ordinary errors, for the checkpoint's own checks that throw them.
 */
export function messageOf(error: unknown, fallback = '请稍后重试', plain = false): string {
  if (error instanceof ApiError || (plain && error instanceof Error)) return error.message;
  return fallback;
}

/** A modal that explains why an action failed; the user closes it and may try again. */
export function showFailure(title: string, error: unknown, fallback?: string): void {
  Taro.showModal({ title, content: messageOf(error, fallback), showCancel: false });
}
