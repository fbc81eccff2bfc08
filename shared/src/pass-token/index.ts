export { decodeBase64, encodeBase64, encodeBase64Url, fromHex, toHex } from './base64.js';
export { type PassClaims, type PassTokenFields, PassTokenFormatError, PayloadKey } from './claims.js';
export { materialCategoryCodes, plateColourCodes } from './codes.js';
export { coseAlgorithmEdDSA, coseAlgorithmSM2 } from './cose-sign1.js';
export {
  type CrewCheck,
  checkCrewIdNumber,
  crewClaimsOf,
  crewDigestBytes,
  crewIdDigest,
  crewRoleCodes,
  maskedInitial,
  type PassCrewClaim,
} from './crew.js';
export { bytesToDecimal, decimalToBytes } from './decimal.js';
export {
  encodePassUrl,
  extractTokenFromUrl,
  passUrlPath,
  passUrlPrefix,
  qrAlphanumericPattern,
  scannedPassUrlOrigin,
  urlOrigin,
} from './pass-url.js';
export { scanResultOfVerification } from './scan-result.js';
export { type PassSigningKey, passSigningPublicKey, signPassToken } from './sign.js';
export {
  checkSignature,
  type SignatureCheck,
  type SignatureChecks,
  type SignatureScheme,
  SigningAlgorithm,
  schemeOfKey,
  signatureSchemes,
  signingAlgorithms,
  sm2DefaultUserId,
} from './signature-schemes.js';
export {
  buildStatusListBits,
  encodeStatusList,
  PassTokenStatus,
  type StatusList,
  statusAt,
  statusListBits,
} from './status-list.js';
export {
  departmentContact,
  findTrustedKeys,
  type IssuingDepartment,
  issuingDepartmentOf,
  isUnofficialOrigin,
  type ResolvedKey,
  resolveTrustedKey,
  type TrustedKey,
  type TrustList,
} from './trust-list.js';
export {
  originWarning,
  type PassVerification,
  type PassVerificationState,
  type SignerInfo,
  unverifiedPassNumber,
  type VerificationWarning,
  type VerifyOptions,
  verifyPassToken,
  verifyPassUrl,
} from './verify.js';
