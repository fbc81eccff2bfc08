import { ErrorCode } from '@pass/shared';
import Taro from '@tarojs/taro';
import { apiBase } from '@/services/api-base';
import { ApiError, NetworkError, request } from '@/services/request';
import { loadSession } from '@/services/session';

/**
 * Files behind the session's token (attachments, QR images, PDF) can't go through `request`, which
 * speaks JSON. This sends them with the same token and, on an expired one, lets `request` renew the
 * session (or lead to the login page) before trying once more.
 */

interface Raw<T> {
  statusCode: number;
  data: T;
}

export const apiUrl = (path: string) => `${apiBase}/api${path}`;

export const bearer = (token: string | undefined): Record<string, string> =>
  token ? { Authorization: `Bearer ${token}` } : {};

function refusal(statusCode: number): ApiError {
  if (statusCode === 403) return new ApiError(403, ErrorCode.Forbidden, '无权查看该文件');
  if (statusCode === 404) return new ApiError(404, ErrorCode.NotFound, '文件不存在或已删除');
  return new ApiError(statusCode, ErrorCode.Internal, '文件下载失败，请稍后重试');
}

export async function withSession<T>(send: (token: string | undefined) => Promise<Raw<T>>): Promise<T> {
  const attempt = (token: string | undefined) =>
    send(token).catch(() => Promise.reject(new ApiError(0, NetworkError, '网络连接失败，请检查网络后重试')));
  let response = await attempt(loadSession()?.accessToken);
  if (response.statusCode === 401) {
    await request('/auth/me');
    response = await attempt(loadSession()?.accessToken);
  }
  if (response.statusCode >= 200 && response.statusCode < 300) return response.data;
  throw refusal(response.statusCode);
}

/** The bytes of a file under /api. */
export function fetchBinary(path: string): Promise<ArrayBuffer> {
  return withSession((token) =>
    Taro.request({
      url: apiUrl(path),
      method: 'GET',
      responseType: 'arraybuffer',
      header: bearer(token),
      timeout: 60_000,
    }).then((response) => ({ statusCode: response.statusCode, data: response.data as ArrayBuffer })),
  );
}
