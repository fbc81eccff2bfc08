export { decodeBase64, encodeBase64, encodeBase64Url, fromHex, toHex } from './base64.js';
export { type PassClaims, type PassTokenFields, PassTokenFormatError, PayloadKey } from './claims.js';
export { materialCategoryCodes, plateColourCodes } from './codes.js';
export { coseAlgorithmEdDSA, coseAlgorithmSM2, type SignatureMaker } from './cose-sign1.js';
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
  type SignatureCheck,
  type SignatureChecks,
  SigningAlgorithm,
  signatureSchemes,
  signingAlgorithms,
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
  type TrustedKey,
  type TrustList,
} from './trust-list.js';
export {
  type DecodedPassToken,
  decodePassToken,
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
export { workedExamplePass } from './worked-example.js';
