import {
  type ApiErrorBody,
  type ApiResponseBody,
  type AuthTokens,
  ErrorCode,
  errorMessages,
  type QuerySchemaName,
  type QueryStringOf,
  Role,
} from '@pass/shared';
import Taro from '@tarojs/taro';
import { apiBase } from './api-base';
import { routes, withQuery } from './routes';
import { clearSession, loadSession, type Session, saveSession } from './session';

/** The request never reached the server (offline, timeout); not one of the API's codes. */
export const NetworkError = 'NETWORK_ERROR';

export interface FieldProblem {
  path: string;
  message: string;
}

/** A refusal from the API, with its stable code, the Chinese message to show and the fields at fault. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | typeof NetworkError,
    message: string,
    readonly details: FieldProblem[] = [],
  ) {
    super(message);
  }

  /** First message per dotted field path (`consignor.name`), for forms to show under their fields. */
  get fieldErrors(): Record<string, string> {
    const byPath: Record<string, string> = {};
    for (const { path, message } of this.details) byPath[path] ??= message;
    return byPath;
  }
}

/** What both `Taro.request` and `Taro.uploadFile` give back, reduced to what this layer reads. */
interface RawResponse {
  statusCode: number;
  data: unknown;
}

/** Sends one attempt with the given access token (none for public routes). */
type Send = (accessToken: string | undefined) => Promise<RawResponse>;

const networkError = () => new ApiError(0, NetworkError, '网络连接失败，请检查网络后重试');

function bodyOf(response: RawResponse): Partial<ApiErrorBody> | undefined {
  const { data } = response;
  if (typeof data === 'string') {
    // Taro.uploadFile hands the body over as text.
    try {
      return JSON.parse(data) as Partial<ApiErrorBody>;
    } catch {
      return undefined;
    }
  }
  return data && typeof data === 'object' ? (data as Partial<ApiErrorBody>) : undefined;
}

function toApiError(response: RawResponse): ApiError {
  const body = bodyOf(response);
  const code = body?.code ?? ErrorCode.Internal;
  const message = body?.message ?? errorMessages[code] ?? errorMessages.INTERNAL;
  return new ApiError(response.statusCode, code, message, Array.isArray(body?.details) ? body.details : []);
}

const isSuccess = (response: RawResponse) => response.statusCode >= 200 && response.statusCode < 300;

/** Only an expired or unknown access token is worth a refresh; wrong passwords etc. are 401s too. */
const needsNewAccessToken = (response: RawResponse) =>
  response.statusCode === 401 && bodyOf(response)?.code === ErrorCode.Unauthenticated;

// wx.request knows no PATCH (OPTIONS, GET, HEAD, POST, PUT, DELETE, TRACE, CONNECT): partial updates are PUTs.
type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

function sendJson(method: Method, path: string, data: unknown, header: Record<string, string>): Promise<RawResponse> {
  return Taro.request({
    url: `${apiBase}/api${path}`,
    method,
    // Fastify refuses an empty body declared as JSON, and WeChat always declares one.
    data: (data ?? (method === 'GET' ? undefined : {})) as Taro.request.Option['data'],
    header: { 'content-type': 'application/json', ...header },
    timeout: 15_000,
  }).then(
    (response) => ({ statusCode: response.statusCode, data: response.data }),
    () => Promise.reject(networkError()),
  );
}

// ---- the session's access token: one refresh at a time -------------------------------------------

let renewal: Promise<string | null> | null = null;

/**
 * Exchanges the refresh token for new tokens. Concurrent 401s share one exchange: the server rotates
 * refresh tokens, so a second exchange with the same token would fail and sign the user out.
 */
function renewAccessToken(staleAccessToken: string | undefined): Promise<string | null> {
  const current = loadSession();
  if (!current) return Promise.resolve(null);
  // Someone else (another request, another H5 tab) already renewed it while this request was away.
  if (staleAccessToken && current.accessToken !== staleAccessToken) return Promise.resolve(current.accessToken);
  renewal ??= exchangeRefreshToken(current).finally(() => {
    renewal = null;
  });
  return renewal;
}

async function exchangeRefreshToken(session: Session): Promise<string | null> {
  // A crew session is no account: it renews where it signed in.
  const path = session.account.role === Role.Crew ? '/crew/refresh' : '/auth/refresh';
  const response = await sendJson('POST', path, { refreshToken: session.refreshToken }, {});
  if (isSuccess(response)) return saveSession(response.data as AuthTokens).accessToken;
  // Another H5 tab may have rotated the token a moment ago; its result is in the shared storage.
  const latest = loadSession();
  if (latest && latest.refreshToken !== session.refreshToken) return latest.accessToken;
  return null;
}

let leavingForLogin = false;

/** The session is over (or never began): forget it and show the login page, once however many requests noticed. */
function endSession(hadSession: boolean): void {
  clearSession();
  if (leavingForLogin) return;
  leavingForLogin = true;
  Taro.showToast({ title: hadSession ? '登录已过期，请重新登录' : '请先登录', icon: 'none', duration: 2000 });
  Taro.reLaunch({ url: routes.login }).catch(() => {
    leavingForLogin = false;
  });
}

/** Called when a new session starts, so the next expiry leads to the login page again. */
export function sessionStarted(): void {
  leavingForLogin = false;
}

/**
 * Sends with the session's access token; on an expired token renews it once and resends. When the
 * session cannot be renewed the user is sent to the login page and the original refusal is thrown.
 */
async function sendAuthorized(send: Send): Promise<RawResponse> {
  const usedToken = loadSession()?.accessToken;
  const first = await send(usedToken);
  if (!needsNewAccessToken(first)) return first;
  const renewedToken = await renewAccessToken(usedToken);
  if (!renewedToken) {
    endSession(usedToken !== undefined);
    return first;
  }
  const second = await send(renewedToken);
  if (needsNewAccessToken(second)) endSession(true);
  return second;
}

const bearer = (token: string | undefined): Record<string, string> =>
  token ? { Authorization: `Bearer ${token}` } : {};

export interface RequestOptions {
  method?: Method;
  data?: unknown;
  header?: Record<string, string>;
  /** Public routes (login, registration, health) go without a token and never trigger a refresh. */
  anonymous?: boolean;
}

/**
 * The one way the app talks to the server: JSON in, JSON out, `ApiError` on refusal. `T` is the
 * route's answer as `@pass/shared` describes it (`ApiResponseOf<'GET /api/vehicles'>`, or the view
 * type it names); the bound refuses a type the API contract does not contain. Answers are not parsed
 * at run time: the server's tests check every answer against the same schemas.
 */
export async function request<T extends ApiResponseBody>(
  path: string,
  { method = 'GET', data, header = {}, anonymous = false }: RequestOptions = {},
): Promise<T> {
  const send: Send = (token) => sendJson(method, path, data, { ...header, ...bearer(token) });
  const response = anonymous ? await send(undefined) : await sendAuthorized(send);
  if (isSuccess(response)) return response.data as T;
  throw toApiError(response);
}

/**
 * `path?…` for a route whose query string the shared schema `Name` checks: the query is typed as that
 * schema's input (`queryPath<'passList'>('/passes', { cursor })`), like bodies and answers. Nothing is
 * parsed here; the server checks the query with the same schema.
 */
export const queryPath = <Name extends QuerySchemaName>(path: string, query: QueryStringOf<Name>): string =>
  withQuery(path, query);

/** A page of a list as a screen asks for it: after the cursor the last page gave (none: the first page). */
export interface PageRequest {
  cursor?: string | null;
  limit?: number;
}

/** The paging part of a list's query string (`cursor`, `limit` in the shared query schemas). */
export const pageQuery = ({ cursor, limit }: PageRequest) => ({
  cursor: cursor ?? undefined,
  limit: limit?.toString(),
});

export interface UploadOptions {
  /** Path under /api, query included. */
  path: string;
  /** A local file path (weapp) or object URL (H5). */
  filePath: string;
  /** The name to send; H5 only, weapp sends the temporary file's own name. */
  fileName?: string;
  onProgress?: (percent: number) => void;
}

/** Multipart upload of one file as field `file`, with progress, under the same session rules. */
export async function upload<T extends ApiResponseBody>({
  path,
  filePath,
  fileName,
  onProgress,
}: UploadOptions): Promise<T> {
  const send: Send = (token) => {
    const task = Taro.uploadFile({
      url: `${apiBase}/api${path}`,
      filePath,
      name: 'file',
      fileName,
      // WeChat names the file part after its temporary copy and has no fileName option: the name the
      // user saw goes as a field (sent before the file), which the server prefers.
      formData: fileName ? { fileName } : undefined,
      header: bearer(token),
      timeout: 120_000,
    } as Taro.uploadFile.Option);
    task.onProgressUpdate?.((progress) => onProgress?.(progress.progress));
    return task.then(
      (response) => ({ statusCode: response.statusCode, data: response.data }),
      () => Promise.reject(networkError()),
    );
  };
  const response = await sendAuthorized(send);
  if (isSuccess(response)) return bodyOf(response) as T;
  throw toApiError(response);
}
