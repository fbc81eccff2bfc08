/**
 * Stable error codes shared by the server (response bodies) and the mini-program (messages shown to
 * users). A code never changes meaning once released; add new ones instead.
 */
export const ErrorCode = {
  ValidationFailed: 'VALIDATION_FAILED',
  NotFound: 'NOT_FOUND',
  Unauthenticated: 'UNAUTHENTICATED',
  Forbidden: 'FORBIDDEN',
  Conflict: 'CONFLICT',
  RateLimited: 'RATE_LIMITED',
  DatabaseUnavailable: 'DATABASE_UNAVAILABLE',
  Internal: 'INTERNAL',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export const errorMessages: Record<ErrorCode, string> = {
  VALIDATION_FAILED: '提交的内容有误，请检查后重试',
  NOT_FOUND: '未找到相关记录',
  UNAUTHENTICATED: '请先登录',
  FORBIDDEN: '无权进行此操作',
  CONFLICT: '数据已存在或状态已变化，请刷新后重试',
  RATE_LIMITED: '操作过于频繁，请稍后再试',
  DATABASE_UNAVAILABLE: '服务暂时不可用，请稍后再试',
  INTERNAL: '系统繁忙，请稍后再试',
};

/** The body of every error response of the API. */
export interface ApiErrorBody {
  code: ErrorCode;
  message: string;
  /** Field-level problems, keyed by the dotted path of the offending field. */
  details?: { path: string; message: string }[];
}
