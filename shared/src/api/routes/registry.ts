import { maxAttachmentBytes } from '../../attachments.js';
import { Role } from '../../roles.js';
import { enterpriseUpdateSchema, fleetManagerRegistrationSchema } from '../../schemas/accounts.js';
import {
  attachmentUploadQuerySchema,
  enterpriseListQuerySchema,
  registerListQuerySchema,
} from '../../schemas/queries.js';
import { driverSchema, vehicleSchema } from '../../schemas/registry.js';
import { z } from '../../zod.js';
import { action, area, del, get, type Operation, post, put } from '../operation.js';
import {
  attachmentViewSchema,
  authTokensSchema,
  driverIdNumberSchema,
  driverViewSchema,
  enterpriseViewSchema,
  vehicleViewSchema,
} from '../views.js';

const fleetManager = [Role.FleetManager] as const;
const officials = [Role.Official, Role.Admin] as const;

export const enterpriseRoutes = area(
  { tag: 'enterprises' },
  {
    register: post('/api/enterprises/register', {
      summary: '企业注册（同时创建车队管理员账号），待审核部门核验后可申请；每个地址每小时限次',
      response: authTokensSchema,
      public: true,
      body: fleetManagerRegistrationSchema,
    }),
    mine: get('/api/enterprises/mine', { summary: '本企业信息', roles: fleetManager, response: enterpriseViewSchema }),
    update: put('/api/enterprises/mine', {
      summary: '修改本企业地址和联系人',
      roles: fleetManager,
      response: enterpriseViewSchema,
      body: enterpriseUpdateSchema,
    }),
    list: get('/api/enterprises', {
      summary: '辖区内的企业（待核验的在前）',
      roles: officials,
      response: z.array(enterpriseViewSchema),
      query: enterpriseListQuerySchema,
    }),
    verify: action('/api/enterprises/:id/verify', {
      summary: '核验企业（辖区内的审核人员）',
      roles: officials,
      response: enterpriseViewSchema,
    }),
  },
);

/** What a registered record's five operations say: their summaries, the body it is written with and its view. */
interface RecordSpec<Input extends z.ZodType, View extends z.ZodType> {
  summaries: { list: string; create: string; get: string; update: string; remove: string };
  input: Input;
  view: View;
}

export type RecordOperations<Path extends string, Input extends z.ZodType, View extends z.ZodType> = {
  list: Operation<'GET', Path, { summary: string; response: z.ZodArray<View>; query: typeof registerListQuerySchema }>;
  create: Operation<'POST', Path, { summary: string; response: View; body: Input }>;
  get: Operation<'GET', `${Path}/:id`, { summary: string; response: View }>;
  update: Operation<'PUT', `${Path}/:id`, { summary: string; response: View; body: Input }>;
  remove: Operation<'DELETE', `${Path}/:id`, { summary: string; status: 204 }>;
};

/**
 * The five operations of a record a fleet manager registers once and picks in applications later
 * (vehicles, drivers): list, register, read, change, delete; served by the server's `RecordRoutes`.
 */
function recordOperations<Path extends string, Input extends z.ZodType, View extends z.ZodType>(
  path: Path,
  tag: string,
  { summaries, input, view }: RecordSpec<Input, View>,
): RecordOperations<Path, Input, View> {
  return area(
    { tag, roles: fleetManager },
    {
      list: get(path, { summary: summaries.list, response: z.array(view), query: registerListQuerySchema }),
      create: post(path, { summary: summaries.create, response: view, body: input }),
      get: get(`${path}/:id`, { summary: summaries.get, response: view }),
      update: put(`${path}/:id`, { summary: summaries.update, response: view, body: input }),
      remove: del(`${path}/:id`, { summary: summaries.remove, status: 204 }),
    },
  );
}

export const vehicleRoutes = recordOperations('/api/vehicles', 'vehicles', {
  summaries: {
    list: '本企业登记的车辆；可按车牌号码（或其开头）查找',
    create: '登记车辆（同一企业同一车牌只登记一次）',
    get: '车辆详情',
    update: '修改车辆信息',
    remove: '删除未用于申请的车辆',
  },
  input: vehicleSchema,
  view: vehicleViewSchema,
});

export const driverRoutes = {
  ...recordOperations('/api/drivers', 'drivers', {
    summaries: {
      list: '本企业登记的司乘人员（身份证号码脱敏）；可按姓名开头查找',
      create: '登记司乘人员（同一企业同一身份证号码只登记一次）',
      get: '司乘人员详情（身份证号码脱敏）',
      update: '修改司乘人员信息',
      remove: '删除未用于申请的司乘人员',
    },
    input: driverSchema,
    view: driverViewSchema,
  }),
  ...area(
    { tag: 'drivers', roles: fleetManager },
    {
      revealIdNumber: get('/api/drivers/:id/id-number', {
        summary: '完整身份证号码（仅本企业车队管理员，用于核对证件）',
        response: driverIdNumberSchema,
      }),
    },
  ),
};

export const attachmentRoutes = area(
  { tag: 'attachments' },
  {
    upload: post('/api/attachments', {
      summary: `上传证明材料（JPG、PNG 或 PDF，不超过 ${maxAttachmentBytes / 1024 / 1024}MB）；行驶证上传到车辆，驾驶证、押运员证上传到人员，并填写有效期至`,
      roles: fleetManager,
      response: attachmentViewSchema,
      query: attachmentUploadQuerySchema,
    }),
    held: get('/api/attachments/held', {
      summary: '本企业车辆和司乘人员现有的证件（行驶证、驾驶证、押运员证；每车每人每类最新的一份）',
      roles: fleetManager,
      response: z.array(attachmentViewSchema),
    }),
    list: get('/api/attachments', {
      summary: '本企业上传的材料',
      roles: fleetManager,
      response: z.array(attachmentViewSchema),
    }),
    // Any signed-in account: the service lets each see only what its scope covers.
    content: get('/api/attachments/:id/content', { summary: '材料文件内容' }),
  },
);
