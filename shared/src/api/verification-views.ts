import { CrewRole } from '../crew.js';
import type { ForeignIssuerRef } from '../federation/federated-verify.js';
import type { PassTokenFields } from '../pass-token/claims.js';
import type { TrustList } from '../pass-token/trust-list.js';
import type { PassVerification } from '../pass-token/verify.js';
import { PlateColour } from '../validation/plate.js';
import type { SignedDocument } from '../verification/signed-document.js';
import { z } from '../zod.js';
import { sameType } from './same-type.js';
import { isoDate, isoInstant } from './views.js';

/**
 * Response bodies of verification: the pass check (online and, for the same states, offline on the
 * device), the trust list and the signed status list. Their TypeScript types are written by hand next to
 * the code that builds them; the checks at the end of this file keep the schemas equal to them.
 */

const passClaimsSchema = z
  .strictObject({
    passNumber: z.string(),
    plate: z.string(),
    plateColour: z.enum(PlateColour),
    validFrom: isoDate,
    validTo: isoDate,
    originCode: z.string(),
    destinationCode: z.string(),
    waypointCodes: z.array(z.string()),
    materialCategory: z.string(),
    statusIndex: z.number(),
    issuedAt: isoInstant,
    issuerCode: z.string(),
    crew: z
      .array(
        z.strictObject({
          role: z.enum(CrewRole),
          idDigest: z.string().meta({ description: '身份证号码加盐摘要（前2字节，十六进制）' }),
          initial: z.string().optional().meta({ description: '姓名首字' }),
        }),
      )
      .optional()
      .meta({ description: '司乘人员：角色、身份证号码摘要（不含号码本身）、姓名首字' }),
  })
  .meta({ id: 'PassClaims' });

const warningSchema = z
  .discriminatedUnion('code', [
    z.strictObject({ code: z.literal('stale_trust_list'), hoursOld: z.number(), message: z.string() }),
    z.strictObject({ code: z.literal('stale_status_list'), hoursOld: z.number(), message: z.string() }),
    z.strictObject({ code: z.literal('status_list_missing'), message: z.string() }),
    z.strictObject({ code: z.literal('status_not_covered'), message: z.string() }),
    z.strictObject({ code: z.literal('unofficial_origin'), origin: z.string().nullable(), message: z.string() }),
  ])
  .meta({ id: 'VerificationWarning' });

const outcome = {
  message: z.string(),
  advice: z.string(),
  allowsPassage: z.boolean(),
  warnings: z.array(warningSchema),
};
const signerSchema = z
  .strictObject({ kid: z.string(), issuerName: z.string(), issuerRegion: z.string() })
  .meta({ id: 'SignerInfo' });
export const trustedDepartmentSchema = z
  .strictObject({
    regionCode: z.string().meta({ description: '辖区行政区划代码；通行证编号前6位为签发辖区' }),
    name: z.string().meta({ examples: ['南京市工业和信息化局'] }),
    dutyPhone: z.string().meta({ description: '值班电话', examples: ['025-83456789'] }),
  })
  .meta({ id: 'IssuingDepartment' });

const signed = {
  ...outcome,
  claims: passClaimsSchema,
  signer: signerSchema,
  /** From the trust list; null when it names no department for the pass's jurisdiction. */
  issuingDepartment: trustedDepartmentSchema.nullable(),
};

export const passVerificationSchema = z
  .discriminatedUnion('state', [
    z.strictObject({ ...signed, state: z.literal('valid') }),
    z.strictObject({ ...signed, state: z.literal('revoked') }),
    z.strictObject({ ...signed, state: z.literal('superseded') }),
    z.strictObject({ ...signed, state: z.literal('expired'), validTo: isoDate, expiredAt: isoInstant }),
    z.strictObject({ ...signed, state: z.literal('not_yet_valid'), validFrom: isoDate, validFromAt: isoInstant }),
    z.strictObject({
      ...outcome,
      state: z.literal('key_not_valid_at_issue'),
      signer: signerSchema,
      issuedAt: isoInstant,
      keyValidFrom: isoInstant,
      keyValidTo: isoInstant.nullable(),
    }),
    z.strictObject({ ...outcome, state: z.literal('issuer_mismatch'), signer: signerSchema, issuerCode: z.string() }),
    z.strictObject({ ...outcome, state: z.literal('signature_invalid'), kid: z.string() }),
    z.strictObject({ ...outcome, state: z.literal('unknown_key'), kid: z.string() }),
    z.strictObject({ ...outcome, state: z.literal('malformed'), reason: z.string() }),
  ])
  .meta({ id: 'PassVerification' });

export const onlineFactsSchema = z
  .strictObject({
    passId: z.string().meta({ format: 'uuid' }),
    enterpriseName: z.string(),
    issuingDepartment: z.string(),
    /** The department's duty phone as the admin keeps it now; null while none is recorded. */
    issuingDepartmentPhone: z.string().nullable().meta({ description: '核发单位值班电话；未登记时为 null' }),
    /** Names and ID numbers masked, enough to compare with the cards. */
    crew: z.array(z.strictObject({ name: z.string(), idNumber: z.string(), role: z.enum(CrewRole) })),
    materialDescription: z.string(),
    endReason: z.string().nullable(),
  })
  .meta({ id: 'OnlineFacts' });
export type OnlineFacts = z.infer<typeof onlineFactsSchema>;

export const onlineVerificationSchema = z
  .strictObject({
    verification: passVerificationSchema,
    /** From the issuer's own records; null when the pass is not one of this server's. */
    facts: onlineFactsSchema.nullable(),
    /** Set when another province's trusted issuer signed the pass (全国互认). */
    foreignIssuer: z
      .strictObject({ issuerName: z.string(), issuerRegion: z.string(), passPageUrl: z.string() })
      .nullable()
      .optional()
      .meta({ description: '外省签发方（其公开核验页可查该证记录）；本省签发时为 null 或缺省' }),
  })
  .meta({ id: 'OnlineVerification' });
export interface OnlineVerification {
  verification: PassVerification;
  facts: OnlineFacts | null;
  foreignIssuer?: ForeignIssuerRef | null;
}

export const trustListSchema = z
  .strictObject({
    generatedAt: isoInstant.meta({ description: '生成时间；卡口据此判断本机数据是否过期' }),
    keys: z
      .array(
        z.strictObject({
          kid: z.string().meta({ description: '密钥编号：公钥 SHA-256 的前4字节（十六进制）' }),
          alg: z.enum(['EdDSA', 'SM2']).meta({ description: '签名算法：EdDSA（Ed25519）或 SM2（SM2 签名、SM3 杂凑）' }),
          crv: z.enum(['Ed25519', 'SM2']),
          publicKey: z
            .string()
            .meta({ description: '公钥，base64url：Ed25519 为32字节；SM2 为65字节未压缩点（04‖x‖y）' }),
          validFrom: isoInstant.meta({ description: '该密钥自此时起签发通行证' }),
          validTo: isoInstant.nullable().meta({ description: '该密钥签发截止时间；当前密钥为 null' }),
          issuerName: z.string(),
          issuerRegion: z.string().meta({ description: '签发方辖区行政区划代码' }),
        }),
      )
      .meta({ description: '当前、已计划启用和仍在保留期内的已停用签名密钥' }),
    passUrlOrigins: z.array(z.string()).optional().meta({ description: '官方核验地址（二维码网址的协议和主机）' }),
    departments: z
      .array(trustedDepartmentSchema)
      .optional()
      .meta({ description: '各辖区核发单位及值班电话：卡口据此告知应联系谁' }),
  })
  .meta({ id: 'TrustList' });

export const signedDocumentSchema = z
  .strictObject({
    body: z.string().meta({ description: '签名的 JSON 文本' }),
    kid: z.string(),
    alg: z.literal('SM2').optional().meta({ description: 'SM2 密钥签名时为 SM2；Ed25519 签名时缺省' }),
    signature: z.string().meta({ description: '签名（64字节：Ed25519，或 SM2 的 r‖s），base64url' }),
  })
  .meta({ id: 'SignedDocument' });

sameType<z.infer<typeof passVerificationSchema>, PassVerification>(true);
sameType<z.infer<typeof onlineVerificationSchema>, OnlineVerification>(true);
sameType<z.infer<typeof trustListSchema>, TrustList>(true);
sameType<z.infer<typeof signedDocumentSchema>, SignedDocument>(true);
sameType<Omit<z.infer<typeof passClaimsSchema>, 'issuerCode'>, PassTokenFields>(true);
