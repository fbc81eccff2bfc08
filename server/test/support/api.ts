import type { AuthTokens } from '@pass/shared';

export interface ApiResponse<T = any> {
  status: number;
  body: T;
}

/** A small HTTP client for tests: real requests against the listening server, JSON in and out. */
export function apiClient(baseUrl: string, accessToken?: string) {
  const call = async <T = any>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<ApiResponse<T>> => {
    const response = await fetch(`${baseUrl}/api${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(accessToken ? { authorization: `Bearer ${accessToken}` } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, body: parsed as T };
  };
  return {
    /** Any method, e.g. for tests that walk the route table. */
    request: call,
    get: <T = any>(path: string, headers?: Record<string, string>) => call<T>('GET', path, undefined, headers),
    post: <T = any>(path: string, body?: unknown, headers?: Record<string, string>) =>
      call<T>('POST', path, body, headers),
    put: <T = any>(path: string, body?: unknown) => call<T>('PUT', path, body),
    delete: <T = any>(path: string) => call<T>('DELETE', path),
    /** Multipart upload of one file, as the mini-program's Taro.uploadFile sends it. */
    upload: async <T = any>(
      path: string,
      file: Buffer,
      filename: string,
      fields: Record<string, string> = {},
    ): Promise<ApiResponse<T>> => {
      const form = new FormData();
      for (const [name, value] of Object.entries(fields)) form.append(name, value);
      form.append('file', new Blob([new Uint8Array(file)]), filename);
      const response = await fetch(`${baseUrl}/api${path}`, {
        method: 'POST',
        headers: accessToken ? { authorization: `Bearer ${accessToken}` } : {},
        body: form,
      });
      const text = await response.text();
      return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
    },
  };
}

export type ApiClient = ReturnType<typeof apiClient>;

export async function loginAs(baseUrl: string, phone: string, password = 'demo1234'): Promise<ApiClient> {
  const res = await apiClient(baseUrl).post<AuthTokens>('/auth/login', { phone, password });
  if (res.status !== 200) throw new Error(`login ${phone} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return apiClient(baseUrl, res.body.accessToken);
}

/**
 * A staff account an admin has just created signs in for the first time: the server lets it do
 * nothing before it replaces the temporary password, so it does (with `newPassword`).
 */
export async function firstSignIn(
  baseUrl: string,
  phone: string,
  temporaryPassword: string,
  newPassword = `${temporaryPassword}New`,
): Promise<ApiClient> {
  const first = await loginAs(baseUrl, phone, temporaryPassword);
  const res = await first.post<AuthTokens>('/auth/password', { currentPassword: temporaryPassword, newPassword });
  if (res.status !== 200) throw new Error(`password change ${phone} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return apiClient(baseUrl, res.body.accessToken);
}
