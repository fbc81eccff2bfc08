import { Role } from '../../roles.js';
import { federationBundleQuerySchema } from '../../schemas/queries.js';
import { z } from '../../zod.js';
import {
  importIssuerRequestSchema,
  importWhitelistRequestSchema,
  recognisedWhitelistViewSchema,
  trustedIssuerViewSchema,
} from '../federation-views.js';
import { action, area, del, get, post } from '../operation.js';
import { signedDocumentSchema } from '../verification-views.js';

/** What other provinces and checkpoints fetch (全国互认): public. */
export const federationRoutes = area(
  { tag: 'verification' },
  {
    issuer: get('/api/federation/issuer', {
      summary: '本签发方文件（公开，全国互认）',
      description:
        '签名的 JSON：签发方名称和辖区、信任列表（密钥、有效期、算法）、吊销状态表和公开核验页地址、核发单位及值班电话，' +
        '以及签名公钥的 SHA-256 指纹（供对方省份电话核对后导入）。格式见 docs/pass-token.md §9。',
      public: true,
      response: signedDocumentSchema,
    }),
    bundle: get('/api/federation/bundle', {
      summary: '已信任的外省签发方的信任列表和吊销状态表（卡口离线核验用）',
      description:
        '由本签发方密钥签名；卡口用本省信任列表验证后保存，离线核验外省通行证。' +
        'known：本机已有的各签发方吊销状态表版本（如 320000:12,310000:4），未变化的不再下发。',
      public: true,
      response: signedDocumentSchema,
      query: federationBundleQuerySchema,
    }),
    whitelist: get('/api/federation/whitelist', {
      summary: '本省白名单导出（公开，白名单互认）',
      description:
        '签名的 JSON（与签发方文件同一密钥）：本省白名单中仍有效的企业（统一社会信用代码、名称）。' +
        '已导入本省签发方的外省据此互认。格式见 docs/pass-token.md §9。',
      public: true,
      response: signedDocumentSchema,
    }),
  },
);

const admin = { tag: 'admin', roles: [Role.Admin] } as const;

export const trustedIssuerRoutes = area(admin, {
  list: get('/api/admin/federation/issuers', {
    summary: '已导入的外省签发方（状态、最近同步时间）',
    response: z.array(trustedIssuerViewSchema),
  }),
  importIssuer: post('/api/admin/federation/issuers', {
    summary: '导入外省签发方',
    description:
      '粘贴对方的签发方文件或填写其地址，并输入对方通过电话告知的指纹；指纹与文件的签名密钥一致且签名有效才予信任。记入审计日志。',
    response: trustedIssuerViewSchema,
    body: importIssuerRequestSchema,
  }),
  suspend: action('/api/admin/federation/issuers/:id/suspend', {
    summary: '暂停信任该签发方（其通行证按未知密钥处理）；记入审计日志',
    response: trustedIssuerViewSchema,
  }),
  reinstate: action('/api/admin/federation/issuers/:id/reinstate', {
    summary: '恢复信任该签发方；记入审计日志',
    response: trustedIssuerViewSchema,
  }),
  sync: action('/api/admin/federation/issuers/:id/sync', {
    summary: '立即从对方获取签发方文件和吊销状态表（平时按计划自动获取）',
    response: trustedIssuerViewSchema,
  }),
  remove: del('/api/admin/federation/issuers/:id', {
    summary: '移除该签发方（不再信任）；记入审计日志',
    status: 204,
  }),
});

export const recognisedWhitelistRoutes = area(admin, {
  list: get('/api/admin/federation/whitelists', {
    summary: '已互认的外省白名单（企业数、导入时间）',
    response: z.array(recognisedWhitelistViewSchema),
  }),
  import: action('/api/admin/federation/whitelists', {
    summary: '导入（或同步）外省白名单',
    description:
      '粘贴对方的白名单文件，或选择已信任的签发方由本服务器从其地址获取；须由已导入且未暂停的签发方签名。' +
      '替换此前从该签发方导入的名单。记入审计日志。',
    response: recognisedWhitelistViewSchema,
    body: importWhitelistRequestSchema,
  }),
  remove: del('/api/admin/federation/whitelists/:id', {
    summary: '不再互认该省白名单（其企业不再优先，待审申请同时取消优先）；记入审计日志',
    status: 204,
  }),
});
