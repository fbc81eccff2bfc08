import { adminRoutes } from '../routes';

/** The areas of administration: the home's tiles, and the side menu of a desktop (admin-page.tsx). */
export const adminAreas = [
  {
    title: '账号管理',
    text: '创建、修改、停用工作人员账号，重置密码、解锁',
    url: adminRoutes.accounts,
    id: 'accounts',
  },
  { title: '卡口管理', text: '卡口的编号、位置与停用', url: adminRoutes.checkpoints, id: 'checkpoints' },
  {
    title: '核发单位',
    text: '各辖区核发单位名称与值班电话',
    url: adminRoutes.departments,
    id: 'departments',
  },
  {
    title: '外省签发方',
    text: '全国互认：核对指纹导入外省签发方，暂停、移除',
    url: adminRoutes.federation,
    id: 'federation',
  },
  { title: '配额管理', text: '按辖区和周期分配，已用与剩余', url: adminRoutes.quotas, id: 'quotas' },
  { title: '白名单', text: '批量导入重点企业名单', url: adminRoutes.whitelist, id: 'whitelist' },
  { title: '黑名单与熔断', text: '列入、解除黑名单；暂停企业办理', url: adminRoutes.sanctions, id: 'sanctions' },
  { title: '审计日志', text: '筛选、翻页、导出', url: adminRoutes.audit, id: 'audit' },
  { title: '通行证管理', text: '全省的通行证，按车牌、编号或企业查找', url: adminRoutes.passes, id: 'passes' },
  { title: '疑似克隆告警', text: '全省的一证多车告警，处置或排除', url: adminRoutes.cloneAlerts, id: 'clone-alerts' },
  { title: '全省设置', text: '物资类别、材料、有效期、时限、配额', url: adminRoutes.settings, id: 'settings' },
  { title: '节假日安排', text: '放假与调休上班日，办理时限据此计算', url: adminRoutes.holidays, id: 'holidays' },
] as const;
