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

  // Accounts
  InvalidCredentials: 'INVALID_CREDENTIALS',
  WechatLoginFailed: 'WECHAT_LOGIN_FAILED',
  AccountNotBound: 'ACCOUNT_NOT_BOUND',
  AccountDisabled: 'ACCOUNT_DISABLED',
  PasswordChangeRequired: 'PASSWORD_CHANGE_REQUIRED',
  SignInCodeInvalid: 'SIGN_IN_CODE_INVALID',

  // Registry: the same enterprise, vehicle and driver are entered once
  DuplicateEnterprise: 'DUPLICATE_ENTERPRISE',
  DuplicateVehicle: 'DUPLICATE_VEHICLE',
  DuplicateDriver: 'DUPLICATE_DRIVER',
  EnterpriseNotVerified: 'ENTERPRISE_NOT_VERIFIED',

  // Workflow
  InvalidTransition: 'INVALID_TRANSITION',
  NotInJurisdiction: 'NOT_IN_JURISDICTION',
  FourEyesRequired: 'FOUR_EYES_REQUIRED',
  StaleVersion: 'STALE_VERSION',
  AttachmentMissing: 'ATTACHMENT_MISSING',
  DocumentExpired: 'DOCUMENT_EXPIRED',
  MaterialCategoryUnknown: 'MATERIAL_CATEGORY_UNKNOWN',
  ValidityTooLong: 'VALIDITY_TOO_LONG',
  CrewWithoutDriver: 'CREW_WITHOUT_DRIVER',

  // Limits and sanctions
  QuotaExceeded: 'QUOTA_EXCEEDED',
  EnterprisePassLimitReached: 'ENTERPRISE_PASS_LIMIT_REACHED',
  VehicleHasActivePass: 'VEHICLE_HAS_ACTIVE_PASS',
  Blacklisted: 'BLACKLISTED',
  EnterpriseSuspended: 'ENTERPRISE_SUSPENDED',
  PassNumbersExhausted: 'PASS_NUMBERS_EXHAUSTED',

  // Passes and checkpoints
  PassNotFound: 'PASS_NOT_FOUND',
  PassNotActive: 'PASS_NOT_ACTIVE',
  PassSignatureInvalid: 'PASS_SIGNATURE_INVALID',
  DuplicateScanRecord: 'DUPLICATE_SCAN_RECORD',

  // Requests
  UnsupportedMediaType: 'UNSUPPORTED_MEDIA_TYPE',

  // Federation of issuers (全国互认)
  IssuerDocumentInvalid: 'ISSUER_DOCUMENT_INVALID',
  FingerprintMismatch: 'FINGERPRINT_MISMATCH',
  IssuerUnreachable: 'ISSUER_UNREACHABLE',
  WhitelistExportInvalid: 'WHITELIST_EXPORT_INVALID',
  IssuerNotTrusted: 'ISSUER_NOT_TRUSTED',
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

  INVALID_CREDENTIALS: '手机号码或密码错误',
  WECHAT_LOGIN_FAILED: '微信登录失败，请重试',
  ACCOUNT_NOT_BOUND: '该微信尚未绑定账号，请先用手机号码登录后绑定',
  ACCOUNT_DISABLED: '该账号已停用，请联系系统管理员',
  PASSWORD_CHANGE_REQUIRED: '请先修改密码',
  SIGN_IN_CODE_INVALID: '验证码错误或已失效，请重新获取',

  DUPLICATE_ENTERPRISE: '该统一社会信用代码已注册，请勿重复注册',
  DUPLICATE_VEHICLE: '该车辆已登记，无需重复添加',
  DUPLICATE_DRIVER: '该司乘人员已登记，无需重复添加',
  ENTERPRISE_NOT_VERIFIED: '企业信息尚未核验，暂不能申请通行证',

  INVALID_TRANSITION: '当前状态下不能进行此操作，请刷新后重试',
  NOT_IN_JURISDICTION: '该申请不在您的审核辖区或审核层级内',
  FOUR_EYES_REQUIRED: '已在上一级审批过的人员不能在下一级再次审批',
  STALE_VERSION: '该记录已被他人修改，请刷新后重试',
  ATTACHMENT_MISSING: '缺少必需的证明材料，请上传后再提交',
  DOCUMENT_EXPIRED: '证件已过期或有效期早于通行证有效期截止日期，请更新证件后再提交',
  MATERIAL_CATEGORY_UNKNOWN: '运输物资类别不在本省规定的范围内',
  VALIDITY_TOO_LONG: '申请的有效期超过本省规定的最长天数',
  CREW_WITHOUT_DRIVER: '司乘人员中至少应有一名驾驶员',

  QUOTA_EXCEEDED: '本辖区本期通行证配额已用完',
  ENTERPRISE_PASS_LIMIT_REACHED: '本企业有效通行证数量已达上限',
  VEHICLE_HAS_ACTIVE_PASS: '该车辆已有有效通行证，请待其到期或撤销后再申请',
  BLACKLISTED: '已被列入黑名单，暂不能办理通行证',
  ENTERPRISE_SUSPENDED: '该企业已被暂停办理通行证',
  PASS_NUMBERS_EXHAUSTED: '本地区通行证编号已用完，请联系系统管理员',

  PASS_NOT_FOUND: '未查询到该通行证，请联系发证单位核实',
  PASS_NOT_ACTIVE: '该通行证已失效',
  PASS_SIGNATURE_INVALID: '通行证二维码无法验证，可能是伪造的通行证',
  DUPLICATE_SCAN_RECORD: '该查验记录已上传',

  UNSUPPORTED_MEDIA_TYPE: '请求内容应为 JSON 格式（Content-Type: application/json）',

  ISSUER_DOCUMENT_INVALID: '签发方文件无效或签名验证失败',
  FINGERPRINT_MISMATCH: '指纹与签发方文件的签名密钥不一致，请与对方再次电话核对',
  ISSUER_UNREACHABLE: '无法从该地址获取签发方文件，请检查地址或改为粘贴文件',
  WHITELIST_EXPORT_INVALID: '白名单文件无效或签名验证失败',
  ISSUER_NOT_TRUSTED: '该签发方未被信任或已暂停信任，不能导入其白名单',
};

/** The HTTP status each code is answered with, so server and tests agree without a second table. */
export const errorHttpStatus: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  NOT_FOUND: 404,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  DATABASE_UNAVAILABLE: 503,
  INTERNAL: 500,

  INVALID_CREDENTIALS: 401,
  WECHAT_LOGIN_FAILED: 502,
  ACCOUNT_NOT_BOUND: 401,
  ACCOUNT_DISABLED: 403,
  PASSWORD_CHANGE_REQUIRED: 403,
  SIGN_IN_CODE_INVALID: 401,

  DUPLICATE_ENTERPRISE: 409,
  DUPLICATE_VEHICLE: 409,
  DUPLICATE_DRIVER: 409,
  ENTERPRISE_NOT_VERIFIED: 403,

  INVALID_TRANSITION: 409,
  NOT_IN_JURISDICTION: 403,
  FOUR_EYES_REQUIRED: 403,
  STALE_VERSION: 409,
  ATTACHMENT_MISSING: 422,
  DOCUMENT_EXPIRED: 422,
  MATERIAL_CATEGORY_UNKNOWN: 422,
  VALIDITY_TOO_LONG: 422,
  CREW_WITHOUT_DRIVER: 422,

  QUOTA_EXCEEDED: 409,
  ENTERPRISE_PASS_LIMIT_REACHED: 409,
  VEHICLE_HAS_ACTIVE_PASS: 409,
  BLACKLISTED: 403,
  ENTERPRISE_SUSPENDED: 403,
  PASS_NUMBERS_EXHAUSTED: 503,

  PASS_NOT_FOUND: 404,
  PASS_NOT_ACTIVE: 410,
  PASS_SIGNATURE_INVALID: 422,
  DUPLICATE_SCAN_RECORD: 409,

  UNSUPPORTED_MEDIA_TYPE: 415,

  ISSUER_DOCUMENT_INVALID: 422,
  FINGERPRINT_MISMATCH: 422,
  ISSUER_UNREACHABLE: 422,
  WHITELIST_EXPORT_INVALID: 422,
  ISSUER_NOT_TRUSTED: 422,
};

/** The body of every error response of the API. */
export interface ApiErrorBody {
  code: ErrorCode;
  message: string;
  /** Field-level problems, keyed by the dotted path of the offending field. */
  details?: { path: string; message: string }[];
}
