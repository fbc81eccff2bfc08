import { type ApiErrorBody, ErrorCode, errorMessages } from '@pass/shared';
import Taro from '@tarojs/taro';
import { apiBase } from './api-base';

/** A refusal from the API, with its stable code and the Chinese message to show. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  data?: unknown;
}

/** The one way the app talks to the server. */
export async function request<T>(path: string, { method = 'GET', data }: RequestOptions = {}): Promise<T> {
  let response: Taro.request.SuccessCallbackResult;
  try {
    response = await Taro.request({
      url: `${apiBase}/api${path}`,
      method,
      data: data as Taro.request.Option['data'],
      header: { 'content-type': 'application/json' },
      timeout: 15_000,
    });
  } catch {
    throw new ApiError(0, ErrorCode.DatabaseUnavailable, '网络连接失败，请检查网络后重试');
  }
  if (response.statusCode >= 200 && response.statusCode < 300) return response.data as T;
  const body = response.data as Partial<ApiErrorBody> | undefined;
  const code = body?.code ?? ErrorCode.Internal;
  throw new ApiError(response.statusCode, code, body?.message ?? errorMessages[code] ?? errorMessages.INTERNAL);
}
