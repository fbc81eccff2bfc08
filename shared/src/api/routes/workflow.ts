import { Role } from '../../roles.js';
import { applicationDraftSchema } from '../../schemas/accounts.js';
import { applicationListQuerySchema, passListQuerySchema, reviewQueueQuerySchema } from '../../schemas/queries.js';
import { batchApproveSchema, reviewDecisionSchema, revokePassSchema } from '../../schemas/review.js';
import { z } from '../../zod.js';
import { action, area, get, post, put } from '../operation.js';
import {
  batchApproveResultSchema,
  passPageSchema,
  passShareResultSchema,
  passViewSchema,
  queuePageSchema,
  reviewCountersSchema,
  reviewDecisionResultSchema,
  reviewDetailSchema,
} from '../review-views.js';
import { applicationEventViewSchema, applicationPageSchema, applicationViewSchema } from '../views.js';

export const applicationRoutes = area(
  { tag: 'applications', roles: [Role.FleetManager] },
  {
    create: post('/api/applications', {
      summary: '新建申请草稿（可只填部分内容）；相同 Idempotency-Key 的重复请求只创建一个申请',
      response: applicationViewSchema,
      body: applicationDraftSchema,
    }),
    list: get('/api/applications', {
      summary: '本企业的申请，最新的在前；可按状态筛选、按车牌号码查找',
      response: applicationPageSchema,
      query: applicationListQuerySchema,
    }),
    get: get('/api/applications/:id', { summary: '申请详情，含当前可进行的操作', response: applicationViewSchema }),
    events: get('/api/applications/:id/events', {
      summary: '申请的办理进度（状态时间线）',
      response: z.array(applicationEventViewSchema),
    }),
    update: put('/api/applications/:id', {
      summary: '修改草稿或被退回的申请',
      response: applicationViewSchema,
      body: applicationDraftSchema,
    }),
    submit: action('/api/applications/:id/submit', {
      summary: '提交申请（按本省规则完整校验）',
      response: applicationViewSchema,
    }),
    resubmit: action('/api/applications/:id/resubmit', {
      summary: '修改后重新提交被退回的申请',
      response: applicationViewSchema,
    }),
    withdraw: action('/api/applications/:id/withdraw', { summary: '撤回申请', response: applicationViewSchema }),
  },
);

export const reviewRoutes = area(
  { tag: 'reviews', roles: [Role.Official] },
  {
    queue: get('/api/reviews/queue', {
      summary: '待我审核的申请（含下级逾期上报的），等待最久的在前',
      response: queuePageSchema,
      query: reviewQueueQuerySchema,
    }),
    counters: get('/api/reviews/counters', {
      summary: '待审核、逾期、上报数量和本期剩余配额',
      response: reviewCountersSchema,
    }),
    detail: get('/api/reviews/:id', {
      summary: '审核详情：申请、企业、车辆、人员、材料、车辆其他有效通行证、黑名单命中',
      response: reviewDetailSchema,
    }),
    attachment: get('/api/reviews/:id/attachments/:attachmentId/content', { summary: '查看申请所附材料' }),
    decide: action('/api/reviews/:id/decision', {
      summary: '审核：通过（末级通过即发证）、不予通过（须说明理由）、退回修改（须说明理由）',
      response: reviewDecisionResultSchema,
      body: reviewDecisionSchema,
    }),
    batchApprove: action('/api/reviews/batch-approve', {
      summary: '批量通过；逐个审核，个别不能通过的不影响其他',
      response: z.array(batchApproveResultSchema),
      body: batchApproveSchema,
    }),
  },
);

export const passRoutes = area(
  { tag: 'passes', roles: [Role.FleetManager, Role.Official, Role.Admin, Role.Crew] },
  {
    list: get('/api/passes', {
      summary:
        '通行证列表：车队管理员看本企业的，审核人员看本辖区审核或签发的，驾驶员/押运员看本人随车的；可按车牌号码、通行证编号、企业名称或统一社会信用代码查找',
      response: passPageSchema,
      query: passListQuerySchema,
    }),
    get: get('/api/passes/:id', { summary: '通行证详情', response: passViewSchema }),
    qrPng: get('/api/passes/:id/qr.png', { summary: '通行证二维码（PNG）' }),
    qrSvg: get('/api/passes/:id/qr.svg', { summary: '通行证二维码（SVG）' }),
    pdf: get('/api/passes/:id/pdf', { summary: '可打印的通行证（A4 横向 PDF）' }),
    revoke: action('/api/passes/:id/revoke', {
      summary: '撤销通行证（须说明理由）；开始前撤销的退还配额',
      roles: [Role.Official, Role.Admin],
      response: passViewSchema,
      body: revokePassSchema,
    }),
    share: action('/api/passes/:id/share', {
      summary: '发送给司乘人员：以短信告知该证的驾驶员、押运员如何在手机上登录查看和出示',
      roles: [Role.FleetManager],
      response: passShareResultSchema,
    }),
  },
);
