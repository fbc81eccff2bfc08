import { healthStatusSchema } from '../../health.js';
import { calendarDaySchema, holidayQuerySchema, holidayYearSchema } from '../../holidays.js';
import { Role } from '../../roles.js';
import { notificationListQuerySchema, statsQuerySchema } from '../../schemas/queries.js';
import { provinceSettingsDocumentSchema } from '../../settings.js';
import { z } from '../../zod.js';
import { provinceSettingsDocumentViewSchema } from '../admin-views.js';
import {
  notificationPageSchema,
  notificationViewSchema,
  subscribeTemplatesSchema,
  unreadCountSchema,
} from '../notification-views.js';
import { action, area, get, put } from '../operation.js';
import { statisticsSchema } from '../review-views.js';

export const healthRoutes = area(
  { tag: 'health' },
  {
    check: get('/api/health', {
      summary: '服务与数据库状态',
      public: true,
      response: healthStatusSchema,
      responseDescription: 'The server and its database are up.',
    }),
  },
);

/** The province's rules: everyone reads them, the admin changes them. */
export const settingsRoutes = area(
  { tag: 'settings' },
  {
    current: get('/api/settings', {
      summary: '本省通行证规则（物资类别、必需材料、最长有效期等），表单据此校验',
      response: provinceSettingsDocumentViewSchema,
      public: true,
    }),
    update: put('/api/admin/settings', {
      summary: '修改本省规则：保存为新版本，各服务实例随即生效，并记入审计日志',
      roles: [Role.Admin],
      response: provinceSettingsDocumentViewSchema,
      body: provinceSettingsDocumentSchema,
    }),
    history: get('/api/admin/settings/history', {
      summary: '本省规则的历次版本（最新的在前）',
      roles: [Role.Admin],
      response: z.array(provinceSettingsDocumentViewSchema),
    }),
  },
);

/** The working-day calendar (放假 and 调休上班 days) the deadlines count by. */
export const holidayRoutes = area(
  { tag: 'settings' },
  {
    year: get('/api/holidays', {
      summary: '某年的节假日与调休上班日（默认今年），办理时限按此计算工作日',
      response: z.array(calendarDaySchema),
      public: true,
      query: holidayQuerySchema,
    }),
    replace: put('/api/admin/holidays/:year', {
      summary: '整年替换节假日与调休上班日（按国务院办公厅通知录入）',
      roles: [Role.Admin],
      response: z.array(calendarDaySchema),
      body: holidayYearSchema,
    }),
  },
);

/** The message centre: every role reads and marks only its own messages. */
export const notificationRoutes = area(
  { tag: 'notifications', roles: [Role.FleetManager, Role.Official, Role.CheckpointStaff, Role.Admin] },
  {
    list: get('/api/notifications', {
      summary: '我的消息，最新的在前（分页）',
      response: notificationPageSchema,
      query: notificationListQuerySchema,
    }),
    unreadCount: get('/api/notifications/unread-count', { summary: '未读消息数', response: unreadCountSchema }),
    subscribeTemplates: get('/api/notifications/subscribe-templates', {
      summary: '本角色可订阅的微信订阅消息模板（小程序在相关操作时请求授权）',
      response: subscribeTemplatesSchema,
    }),
    readAll: action('/api/notifications/read-all', { summary: '全部标为已读', response: unreadCountSchema }),
    read: action('/api/notifications/:id/read', {
      summary: '标为已读；他人的消息答 404',
      response: notificationViewSchema,
    }),
  },
);

export const statsRoutes = area(
  { tag: 'stats', roles: [Role.Official, Role.Admin] },
  {
    statistics: get('/api/stats', {
      summary: '统计：每日及各类别签发数量、待审核与逾期数量、配额使用',
      response: statisticsSchema,
      query: statsQuerySchema,
    }),
    issuedCsv: get('/api/stats/issued.csv', { summary: '导出签发明细（CSV）', query: statsQuerySchema }),
  },
);
