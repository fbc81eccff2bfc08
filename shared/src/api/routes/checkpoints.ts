import { Role } from '../../roles.js';
import { checkpointSchema, verifyRequestSchema } from '../../schemas/checkpoint.js';
import { cloneAlertQuerySchema, statusListQuerySchema } from '../../schemas/queries.js';
import { resolveCloneAlertSchema } from '../../schemas/review.js';
import { scanUploadSchema } from '../../schemas/scan.js';
import { z } from '../../zod.js';
import { scanUploadResultSchema } from '../admin-views.js';
import { action, area, get, post, put } from '../operation.js';
import { checkpointViewSchema, cloneAlertViewSchema, traceStopSchema } from '../review-views.js';
import { onlineVerificationSchema, signedDocumentSchema, trustListSchema } from '../verification-views.js';

const officials = [Role.Official, Role.Admin] as const;

export const verificationRoutes = area(
  { tag: 'verification' },
  {
    trustList: get('/api/trust-list', {
      summary: '通行证签名信任列表（公开）',
      description:
        '卡口离线核验通行证二维码所需的公钥。客户端应定期下载并保存，离线时用保存的列表核验；' +
        '新密钥在启用前即已列出，停用的密钥在其签发的通行证全部到期前仍保留；departments 为各辖区核发单位及值班电话。格式见 docs/pass-token.md。',
      public: true,
      response: trustListSchema,
    }),
    verify: action('/api/verification/verify', {
      summary: '在线核验扫描到的通行证二维码内容（与卡口离线核验结果一致）',
      response: onlineVerificationSchema,
      public: true,
      body: verifyRequestSchema,
    }),
    byNumber: get('/api/verification/passes/:passNumber', {
      summary: '按证件编号核验（二维码无法识读时手工输入）',
      roles: [Role.CheckpointStaff, Role.Official, Role.Admin],
      response: onlineVerificationSchema,
    }),
    statusList: get('/api/verification/status-list', {
      summary: '签名的吊销状态表（离线核验用）：全量，或自某版本以来的增量',
      description: 'since：本机已有的版本号；给出时只返回此后的变化',
      response: signedDocumentSchema,
      public: true,
      query: statusListQuerySchema,
    }),
  },
);

/**
 * The QR code's URL itself, outside `/api`: a page any phone browser shows, without JavaScript. Tagged
 * with the rest of public verification (Nest used to tag it after its controller, `PassPage`, the name
 * of the pass list's schema too).
 */
export const passPageRoutes = area(
  { tag: 'verification' },
  { page: get('/V/:digits', { summary: '通行证查验页面（二维码网址，供微信扫一扫打开）', public: true }) },
);

export const scanRoutes = area(
  { tag: 'scans' },
  {
    upload: action('/api/scans', {
      summary: '上传本卡口的查验记录（可离线后批量补传；同一记录只保存一次）',
      roles: [Role.CheckpointStaff],
      response: scanUploadResultSchema,
      body: scanUploadSchema,
    }),
    trace: get('/api/passes/:id/trace', {
      summary: '通行证的行程轨迹：依次经过的卡口（一车一码闭环）',
      roles: [Role.FleetManager, Role.Official, Role.Admin],
      response: z.array(traceStopSchema),
    }),
    alerts: get('/api/alerts/clones', {
      summary:
        '疑似克隆通行证：同一张证在不可能到达的时间出现在相距很远的两个卡口；默认待处理的，state=resolved 为已处理的',
      roles: officials,
      response: z.array(cloneAlertViewSchema),
      query: cloneAlertQuerySchema,
    }),
    resolve: action('/api/alerts/clones/:id/resolve', {
      summary: '处理疑似克隆告警：已处置或排除，须写明处理说明（记入审计日志）',
      roles: officials,
      response: cloneAlertViewSchema,
      body: resolveCloneAlertSchema,
    }),
  },
);

/** The admin keeps the checkpoints; the list is also for the staff posted there and for officials. */
export const checkpointRoutes = area(
  { tag: 'checkpoints', roles: [Role.Admin] },
  {
    list: get('/api/checkpoints', {
      summary: '卡口列表',
      roles: [Role.CheckpointStaff, Role.Official, Role.Admin],
      response: z.array(checkpointViewSchema),
    }),
    create: post('/api/admin/checkpoints', {
      summary: '新增卡口（含位置，用于克隆检测）',
      response: checkpointViewSchema,
      body: checkpointSchema,
    }),
    update: put('/api/admin/checkpoints/:id', {
      summary: '修改卡口（编号、名称、所在地区、坐标）',
      response: checkpointViewSchema,
      body: checkpointSchema,
    }),
    retire: action('/api/admin/checkpoints/:id/retire', {
      summary: '停用卡口（保留其查验记录）',
      response: checkpointViewSchema,
    }),
    reinstate: action('/api/admin/checkpoints/:id/reinstate', {
      summary: '恢复已停用的卡口',
      response: checkpointViewSchema,
    }),
  },
);
