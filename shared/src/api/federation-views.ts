import type { FederationBundle, TrustedIssuerView } from '../federation/federation-bundle.js';
import type { IssuerDocument } from '../federation/issuer-document.js';
import { creditCodeSchema, textField } from '../schemas/fields.js';
import { z } from '../zod.js';
import { sameType } from './same-type.js';
import { signedDocumentSchema, trustedDepartmentSchema, trustListSchema } from './verification-views.js';
import { isoInstant } from './views.js';

/**
 * The federation of issuers (全国互认): the issuer document a deployment publishes, the request that
 * imports another's, the trusted issuers as the admin sees them, and the bundle checkpoints carry.
 */

const regionCode = z.string().regex(/^[1-9]\d{5}$/);
const httpUrl = z.url({ protocol: /^https?$/ });

/** The body of `GET /api/federation/issuer` (a SignedDocument): checked when a document is imported. */
export const issuerDocumentSchema = z
  .strictObject({
    format: z.literal('pass-issuer/1'),
    issuerName: z.string().min(2).max(60),
    issuerRegion: regionCode.meta({ description: '签发方辖区行政区划代码' }),
    generatedAt: isoInstant,
    documentUrl: httpUrl.meta({ description: '本文件的地址：导入方据此定期更新' }),
    statusListUrl: httpUrl.meta({ description: '签名的吊销状态表地址' }),
    passPageUrl: httpUrl.meta({ description: '签发方的公开核验页（PUBLIC_BASE_URL）' }),
    whitelistUrl: httpUrl.optional().meta({ description: '签名的白名单导出的地址（白名单互认）' }),
    trustList: trustListSchema,
    departments: z.array(trustedDepartmentSchema).max(5000),
    fingerprint: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .meta({ description: '签名公钥的 SHA-256（十六进制），供双方电话核对' }),
  })
  .meta({ id: 'IssuerDocument' });

const fingerprintInput = z
  .string()
  .trim()
  .transform((v) => v.replace(/[\s:-]/g, '').toLowerCase())
  .pipe(z.string().regex(/^[0-9a-f]{64}$/, '指纹应为64位十六进制字符（可含空格或冒号）'));

/** `POST /api/admin/federation/issuers`: the document pasted, or its address, and the fingerprint typed. */
export const importIssuerRequestSchema = z
  .strictObject({
    document: signedDocumentSchema.optional().meta({ description: '对方 GET /api/federation/issuer 的完整应答' }),
    documentUrl: httpUrl.optional().meta({ description: '或对方签发方文件的地址，由本服务器下载' }),
    fingerprint: fingerprintInput.meta({ description: '对方通过电话等渠道告知的指纹' }),
  })
  .refine((v) => (v.document === undefined) !== (v.documentUrl === undefined), {
    message: '请粘贴签发方文件或填写其地址（二选一）',
    path: ['document'],
  })
  .meta({ id: 'ImportIssuerRequest' });
export type ImportIssuerRequest = z.output<typeof importIssuerRequestSchema>;

export const trustedIssuerViewSchema = z
  .strictObject({
    id: z.string(),
    issuerName: z.string(),
    issuerRegion: z.string(),
    fingerprint: z.string(),
    documentUrl: z.string(),
    passPageUrl: z.string(),
    status: z
      .enum(['active', 'suspended'])
      .meta({ description: 'active 信任；suspended 已暂停（其通行证按未知密钥处理）' }),
    keyCount: z.number(),
    departments: z.array(trustedDepartmentSchema),
    importedAt: isoInstant,
    documentSyncedAt: isoInstant,
    statusSyncedAt: isoInstant.nullable().meta({ description: '最近一次成功获取其吊销状态表的时间' }),
    statusListVersion: z.number().nullable(),
    stale: z.boolean().meta({ description: '吊销状态表超过24小时未更新' }),
    lastSyncError: z.string().nullable(),
  })
  .meta({ id: 'TrustedIssuer' });

export const federationBundleSchema = z
  .strictObject({
    generatedAt: isoInstant,
    issuers: z.array(
      z.strictObject({
        issuerName: z.string(),
        issuerRegion: z.string(),
        passPageUrl: z.string(),
        trustList: trustListSchema,
        statusList: z.strictObject({ version: z.number(), generatedAt: isoInstant, bits: z.string() }).nullable(),
        statusListUnchanged: z
          .boolean()
          .meta({ description: '客户端已有的版本即为最新（见 known）：statusList 省略，沿用本机副本' }),
        statusSyncedAt: isoInstant.nullable(),
      }),
    ),
  })
  .meta({ id: 'FederationBundle' });

/**
 * The body of `GET /api/federation/whitelist` (a SignedDocument signed with the issuer's current key):
 * the province's own whitelist in force, for other provinces to recognise (白名单互认).
 */
export const whitelistExportSchema = z
  .strictObject({
    format: z.literal('pass-whitelist/1'),
    issuerName: z.string().min(2).max(60),
    issuerRegion: regionCode.meta({ description: '签发方辖区行政区划代码' }),
    generatedAt: isoInstant,
    entries: z
      .array(z.strictObject({ creditCode: creditCodeSchema, enterpriseName: textField('企业名称', 2, 100) }))
      .max(100_000),
  })
  .meta({ id: 'WhitelistExport' });
export type WhitelistExport = z.output<typeof whitelistExportSchema>;

/** `POST /api/admin/federation/whitelists`: an export pasted, or the trusted issuer to fetch it from. */
export const importWhitelistRequestSchema = z
  .strictObject({
    document: signedDocumentSchema.optional().meta({ description: '对方 GET /api/federation/whitelist 的完整应答' }),
    issuerId: z.uuid('请选择签发方').optional().meta({ description: '或已信任的签发方，由本服务器从其地址获取' }),
  })
  .refine((v) => (v.document === undefined) !== (v.issuerId === undefined), {
    message: '请粘贴白名单文件或选择签发方（二选一）',
    path: ['document'],
  })
  .meta({ id: 'ImportWhitelistRequest' });
export type ImportWhitelistRequest = z.output<typeof importWhitelistRequestSchema>;

/** Another province's whitelist as recognised here: one per issuer, replaced by each import. */
export const recognisedWhitelistViewSchema = z
  .strictObject({
    id: z.string(),
    issuerRegion: z.string(),
    issuerName: z.string(),
    sourceName: z.string().meta({ description: '来源省份，如“江苏省”：审核人员看到“白名单（江苏省互认）”' }),
    entryCount: z.number(),
    exportedAt: isoInstant.meta({ description: '对方生成该白名单文件的时间' }),
    importedAt: isoInstant.meta({ description: '本系统最近一次导入的时间' }),
  })
  .meta({ id: 'RecognisedWhitelist' });
export type RecognisedWhitelistView = z.infer<typeof recognisedWhitelistViewSchema>;

sameType<z.infer<typeof issuerDocumentSchema>, IssuerDocument>(true);
sameType<z.infer<typeof trustedIssuerViewSchema>, TrustedIssuerView>(true);
sameType<z.infer<typeof federationBundleSchema>, FederationBundle>(true);

/**
 * Largest status list taken from another issuer: 2²⁶ passes (16 MiB of bits). A trusted issuer's `size`
 * is still input: a delta claiming 2³² would make every verification build a 1 GiB list.
 */
const maxForeignStatusListSize = 2 ** 26;

/** A status list update as another issuer serves it (the body of its signed status-list document). */
export const statusListUpdateSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('full'),
    version: z.int().min(0),
    generatedAt: isoInstant,
    size: z.int().min(0).max(maxForeignStatusListSize),
    bits: z.string(),
  }),
  z.strictObject({
    kind: z.literal('delta'),
    since: z.int().min(0),
    version: z.int().min(0),
    generatedAt: isoInstant,
    size: z.int().min(0).max(maxForeignStatusListSize),
    changes: z.array(
      z.tuple([
        z
          .int()
          .min(0)
          .max(maxForeignStatusListSize - 1),
        z.int().min(0).max(3),
      ]),
    ),
  }),
]);
