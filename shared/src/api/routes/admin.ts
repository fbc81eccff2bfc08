import { Role } from '../../roles.js';
import {
  passwordResetSchema,
  staffAccountSchema,
  staffAccountUpdateSchema,
  whitelistEntryViewSchema,
  whitelistImportSchema,
} from '../../schemas/accounts.js';
import { issuingDepartmentSchema } from '../../schemas/department.js';
import {
  accountListQuerySchema,
  auditQuerySchema,
  quotaListQuerySchema,
  whitelistQuerySchema,
} from '../../schemas/queries.js';
import { quotaAllocationSchema } from '../../schemas/quota.js';
import { blacklistEntrySchema, suspensionSchema } from '../../schemas/sanctions.js';
import { z } from '../../zod.js';
import {
  auditEntryViewSchema,
  blacklistEntryViewSchema,
  issuingDepartmentViewSchema,
  quotaViewSchema,
  suspensionViewSchema,
  whitelistBatchSchema,
} from '../admin-views.js';
import { action, area, del, get, post, put } from '../operation.js';
import { accountViewSchema, adminAccountViewSchema, whitelistImportReportSchema } from '../views.js';

/** The admin's own operations (`/api/admin/...`): only the admin may call them. */
const admin = { tag: 'admin', roles: [Role.Admin] } as const;

export const accountRoutes = area(admin, {
  create: post('/api/admin/accounts', {
    summary: '创建审核人员、卡口人员或管理员账号',
    response: accountViewSchema,
    body: staffAccountSchema,
  }),
  list: get('/api/admin/accounts', {
    summary: '账号列表，可按角色和姓名/手机号码查找',
    response: z.array(adminAccountViewSchema),
    query: accountListQuerySchema,
  }),
  update: put('/api/admin/accounts/:id', {
    summary: '修改工作人员账号（姓名、手机号码、辖区、层级、部门、卡口）',
    response: accountViewSchema,
    body: staffAccountUpdateSchema,
  }),
  disable: action('/api/admin/accounts/:id/disable', {
    summary: '停用账号（立即退出所有登录）',
    response: accountViewSchema,
  }),
  enable: action('/api/admin/accounts/:id/enable', { summary: '启用账号', response: accountViewSchema }),
  resetPassword: action('/api/admin/accounts/:id/reset-password', {
    summary: '重置密码为临时密码，下次登录须修改',
    response: accountViewSchema,
    body: passwordResetSchema,
  }),
  unlock: action('/api/admin/accounts/:id/unlock', {
    summary: '解除账号的登录锁定（所有地址的失败次数清零）',
    status: 204,
  }),
});

export const auditRoutes = area(admin, {
  auditLog: get('/api/admin/audit', {
    summary: '审计日志（最新的在前），可按对象、操作人、操作和时间筛选',
    response: z.array(auditEntryViewSchema),
    query: auditQuerySchema,
  }),
});

export const quotaRoutes = area(admin, {
  allocate: action('/api/admin/quotas', {
    summary: '分配（或调整）某辖区某周期的通行证配额',
    response: quotaViewSchema,
    body: quotaAllocationSchema,
  }),
  quotaList: get('/api/admin/quotas', {
    summary: '配额及使用情况',
    response: z.array(quotaViewSchema),
    query: quotaListQuerySchema,
  }),
});

export const sanctionRoutes = area(admin, {
  blacklist: post('/api/admin/blacklist', {
    summary: '将企业、司乘人员或车辆列入黑名单',
    response: blacklistEntryViewSchema,
    body: blacklistEntrySchema,
  }),
  blacklistEntries: get('/api/admin/blacklist', {
    summary: '生效中的黑名单',
    response: z.array(blacklistEntryViewSchema),
  }),
  liftBlacklist: del('/api/admin/blacklist/:id', { summary: '移出黑名单', status: 204 }),
  suspensions: get('/api/admin/suspensions', {
    summary: '暂停办理中的企业（熔断）',
    response: z.array(suspensionViewSchema),
  }),
  suspend: action('/api/admin/suspensions', {
    summary: '暂停企业办理通行证（熔断）至某日',
    status: 204,
    body: suspensionSchema,
  }),
  liftSuspension: del('/api/admin/suspensions/:id', {
    summary: '解除企业的暂停',
    status: 204,
    id: '企业编号 (UUID)',
  }),
});

export const departmentRoutes = area(admin, {
  list: get('/api/admin/departments', {
    summary: '核发单位及值班电话列表（按辖区）',
    response: z.array(issuingDepartmentViewSchema),
  }),
  save: put('/api/admin/departments/:regionCode', {
    summary: '设置辖区的核发单位名称和值班电话',
    description: '印在通行证PDF和公开核验页上，随信任列表下发，卡口离线核验时显示。每次修改记入审计日志。',
    response: issuingDepartmentViewSchema,
    body: issuingDepartmentSchema,
  }),
});

export const whitelistRoutes = area(admin, {
  import: action('/api/admin/whitelist/import', {
    summary: '导入一批白名单企业（CSV：统一社会信用代码,企业名称[,加入|移出]）；任一行有误则整批不导入',
    response: whitelistImportReportSchema,
    body: whitelistImportSchema,
  }),
  list: get('/api/admin/whitelist', {
    summary: '白名单中的企业（最近变动的在前），可按批次和名称/信用代码查找',
    response: z.array(whitelistEntryViewSchema),
    query: whitelistQuerySchema,
  }),
  batches: get('/api/admin/whitelist/batches', {
    summary: '各批次及其仍在白名单中的企业数',
    response: z.array(whitelistBatchSchema),
  }),
  remove: del('/api/admin/whitelist/:creditCode', { summary: '将一家企业移出白名单（保留记录）', status: 204 }),
});
