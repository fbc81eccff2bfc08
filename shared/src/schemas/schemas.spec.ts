import { describe, expect, it } from '@jest/globals';
import * as shared from '../index.js';
import {
  applicationSchema,
  batchApproveSchema,
  blacklistEntrySchema,
  createApplicationSchema,
  defaultProvinceSettings,
  driverSchema,
  enterpriseRegistrationSchema,
  loginSchema,
  provinceSettingsSchema,
  quotaAllocationSchema,
  requestSchemas,
  reviewDecisionSchema,
  scanUploadSchema,
  suspensionSchema,
  vehicleSchema,
  wechatLoginSchema,
  z,
} from '../index.js';

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** The first message for each failing path, as the mini-program shows them. */
function messages(schema: z.ZodType, input: unknown): Record<string, string> {
  const result = schema.safeParse(input);
  if (result.success) return {};
  const byPath: Record<string, string> = {};
  for (const issue of result.error.issues) byPath[issue.path.join('.')] ??= issue.message;
  return byPath;
}

const party = {
  name: '南京江宁示范物流有限公司',
  address: '江苏省南京市江宁区秣陵街道示范路1号',
  contactName: '王建国',
  contactPhone: '13800000001',
};

const application = {
  vehicleId: uuid(1),
  crewDriverIds: [uuid(2), uuid(3)],
  materialCategory: 'daily_necessities',
  materialDescription: '大米、食用油',
  quantity: 30,
  quantityUnit: 'tonne',
  consignor: party,
  consignee: {
    ...party,
    name: '上海浦东示范超市有限公司',
    address: '上海市浦东新区示范路2号',
    contactPhone: '021-58881234',
  },
  originCode: '320115',
  destinationCode: '310115',
  waypointCodes: ['320583'],
  validFrom: '2022-05-20',
  validTo: '2022-05-29',
  attachmentIds: [uuid(4)],
};

describe('JSON Schema', () => {
  it('can represent every request schema (input side), for the OpenAPI document', () => {
    for (const [name, schema] of Object.entries(requestSchemas)) {
      const json = z.toJSONSchema(schema, { io: 'input' });
      expect([name, typeof json]).toEqual([name, 'object']);
    }
    expect(Object.keys(requestSchemas)).toHaveLength(15);
  });

  it('can represent every zod schema the package exports, and the province application schema', () => {
    const exported = Object.entries(shared).filter(([, value]) => value instanceof z.ZodType);
    expect(exported.length).toBeGreaterThan(20);
    const unrepresentable = exported.filter(([, schema]) => {
      try {
        z.toJSONSchema(schema as z.ZodType, { io: 'input' });
        return false;
      } catch {
        return true;
      }
    });
    expect(unrepresentable.map(([name]) => name)).toEqual([]);
    expect(() => z.toJSONSchema(createApplicationSchema(defaultProvinceSettings), { io: 'input' })).not.toThrow();
  });

  it('keeps titles and examples for the documentation', () => {
    const json = z.toJSONSchema(enterpriseRegistrationSchema, { io: 'input' }) as {
      properties: Record<string, object>;
    };
    expect(json.properties.creditCode).toMatchObject({
      type: 'string',
      title: '统一社会信用代码',
      examples: ['91320115MA1MY5Q2XW'],
    });
  });
});

describe('zod messages are Chinese', () => {
  it('uses the Chinese locale for messages no schema words itself', () => {
    expect(z.number().safeParse('x').error?.issues[0]?.message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('words missing fields as requests to fill them in', () => {
    expect(messages(loginSchema, {})).toEqual({ phone: '请填写手机号码', password: '请输入密码' });
    expect(messages(wechatLoginSchema, { code: '' })).toEqual({ code: '缺少微信登录凭证' });
  });
});

describe('request schemas', () => {
  it('parse the demo enterprise and normalise its codes', () => {
    const parsed = enterpriseRegistrationSchema.parse({
      creditCode: '91320115ma1my5q2xw',
      name: '南京江宁示范物流有限公司',
      address: '江苏省南京市江宁区秣陵街道示范路1号',
      contactName: '王建国',
      contactPhone: '+86 138 0000 0001',
      districtCode: '320115',
    });
    expect(parsed).toMatchObject({ creditCode: '91320115MA1MY5Q2XW', contactPhone: '13800000001' });
  });

  it('refuse a district that is not county level', () => {
    expect(messages(enterpriseRegistrationSchema.shape.districtCode, '320100')).toEqual({ '': '请选择到区县一级' });
  });

  it('parse a vehicle, normalising plate and VIN', () => {
    const vehicle = vehicleSchema.parse({
      plate: '苏ａ·１２３４５',
      plateColour: 'yellow',
      vehicleType: 'semi_trailer_tractor',
      transportLicenseNumber: '320115001234',
      vin: 'lsvam4187c2184847',
    });
    expect(vehicle).toMatchObject({ plate: '苏A12345', vin: 'LSVAM4187C2184847' });
  });

  it('cross-check plate, colour and vehicle type', () => {
    const base = {
      plate: '苏A12345D',
      plateColour: 'yellow_green',
      vehicleType: 'heavy_van',
      transportLicenseNumber: '320115001234',
    };
    expect(vehicleSchema.safeParse(base).success).toBe(true);
    expect(messages(vehicleSchema, { ...base, plateColour: 'green' })).toEqual({
      plateColour: '车牌颜色与号牌不符：大型新能源汽车号牌应为黄绿双拼色',
    });
    expect(messages(vehicleSchema, { ...base, plate: '苏A12345', plateColour: 'blue' })).toEqual({
      plateColour: '重型厢式货车应使用大型汽车号牌（黄色，新能源为黄绿双拼色）',
    });
    expect(
      messages(vehicleSchema, { ...base, plate: '苏A12345', plateColour: 'yellow', vehicleType: 'light_van' }),
    ).toEqual({
      plateColour: '轻型厢式货车应使用小型汽车号牌（蓝色，新能源为渐变绿色）',
    });
    expect(messages(vehicleSchema, { ...base, plate: '苏A1234挂', plateColour: 'yellow' })).toEqual({
      plate: '无需填写挂车号牌：半挂车等汽车列车只填写牵引车的车牌号码',
    });
  });

  it('parse a driver and refuse an impossible birth date', () => {
    const driver = { name: '买买提·艾力', idNumber: '11010519491231002x', phone: '13800000005', role: 'driver' };
    expect(driverSchema.parse(driver).idNumber).toBe('11010519491231002X');
    expect(messages(driverSchema, { ...driver, idNumber: '320115199902301234' })).toEqual({
      idNumber: '身份证号码中的出生日期无效',
    });
    expect(messages(driverSchema, { ...driver, name: '王1' })).toEqual({ name: '姓名只能包含汉字、字母和间隔号“·”' });
    for (const name of ['王建国', '王𠮷', '欧阳娜娜', 'John Smith', '阿卜杜·热合曼']) {
      expect([name, driverSchema.safeParse({ ...driver, name }).success]).toEqual([name, true]);
    }
    for (const name of ['王', '·王', '王@', '１２']) {
      expect([name, driverSchema.safeParse({ ...driver, name }).success]).toEqual([name, false]);
    }
    expect(messages(driverSchema, { ...driver, role: 'boss' })).toEqual({ role: '请选择人员类型' });
  });

  it('parse an application and apply the rules every province shares', () => {
    expect(applicationSchema.safeParse(application).success).toBe(true);
    expect(
      messages(applicationSchema, {
        ...application,
        crewDriverIds: [uuid(2), uuid(2)],
        waypointCodes: ['320583', '320583'],
        validTo: '2022-05-19',
      }),
    ).toEqual({
      crewDriverIds: '司乘人员不能重复',
      waypointCodes: '途经地不能重复',
      validTo: '有效期截止日期不能早于开始日期',
    });
    expect(messages(applicationSchema, { ...application, crewDriverIds: [] })).toEqual({
      crewDriverIds: '请至少选择一名司乘人员',
    });
    // Nothing picked asks to pick; only an id that is not one is 无效.
    for (const vehicleId of [undefined, '']) {
      expect(messages(applicationSchema, { ...application, vehicleId })).toEqual({ vehicleId: '请选择车辆' });
    }
    expect(messages(applicationSchema, { ...application, vehicleId: 'x' })).toEqual({ vehicleId: '车辆无效' });
    expect(
      messages(applicationSchema, { ...application, crewDriverIds: [uuid(1), uuid(2), uuid(3), uuid(4)] }),
    ).toEqual({
      crewDriverIds: '司乘人员最多3人',
    });
    expect(messages(applicationSchema, { ...application, validFrom: '2022-02-30' })).toEqual({
      validFrom: '有效期开始日期不是有效的日期',
    });
    expect(messages(applicationSchema, { ...application, originCode: '320100' })).toEqual({
      originCode: '请选择到区县一级',
    });
    expect(messages(applicationSchema, { ...application, waypointCodes: Array(11).fill('320115') })).toMatchObject({
      waypointCodes: '途经地最多10个',
    });
  });

  it('cap validity by the province and check its categories', () => {
    const jiangsu = createApplicationSchema(defaultProvinceSettings);
    expect(jiangsu.safeParse(application).success).toBe(true);
    expect(messages(jiangsu, { ...application, validTo: '2022-05-30' })).toEqual({
      validTo: '有效期最长10天，当前申请11天',
    });
    expect(messages(jiangsu, { ...application, materialCategory: 'urban_water_supply' })).toEqual({
      materialCategory: '运输物资类别不在本省规定的范围内',
    });
    const withWater = createApplicationSchema({
      ...defaultProvinceSettings,
      extraMaterialCategories: [{ code: 'urban_water_supply', name: '城市供水', group: 'livelihood' }],
    });
    expect(withWater.safeParse({ ...application, materialCategory: 'urban_water_supply' }).success).toBe(true);
    const zhejiang = createApplicationSchema(
      { maxValidityDays: 30, extraMaterialCategories: [] },
      { today: '2022-05-21' },
    );
    expect(messages(zhejiang, { ...application, validTo: '2022-06-18' })).toEqual({
      validFrom: '有效期开始日期不能早于今天',
    });
  });

  it('require a reason to reject or return, and know the fields a return may name', () => {
    expect(reviewDecisionSchema.safeParse({ decision: 'approve' }).success).toBe(true);
    expect(messages(reviewDecisionSchema, { decision: 'reject' })).toEqual({ reason: '请填写不予通过的理由' });
    expect(messages(reviewDecisionSchema, { decision: 'return', reason: ' ' })).toEqual({
      reason: '退回理由至少2个字',
    });
    expect(
      reviewDecisionSchema.safeParse({ decision: 'return', reason: '车牌照片不清晰', fieldsToFix: ['attachmentIds'] })
        .success,
    ).toBe(true);
    expect(messages(reviewDecisionSchema, { decision: 'return', reason: '请修改', fieldsToFix: ['password'] })).toEqual(
      {
        'fieldsToFix.0': '需修改的项目无效',
      },
    );
    expect(messages(reviewDecisionSchema, { decision: 'maybe' })).toEqual({ decision: '请选择审核结论' });
  });

  it('batch-approve 1 to 100 distinct applications', () => {
    expect(batchApproveSchema.safeParse({ applicationIds: [uuid(1)] }).success).toBe(true);
    expect(messages(batchApproveSchema, { applicationIds: [] })).toEqual({ applicationIds: '请至少选择一个申请' });
    const ids = Array.from({ length: 101 }, (_, i) => uuid(i));
    expect(messages(batchApproveSchema, { applicationIds: ids })).toEqual({
      applicationIds: '一次最多批量审批100个申请',
    });
    expect(messages(batchApproveSchema, { applicationIds: [uuid(1), uuid(1)] })).toEqual({
      applicationIds: '申请不能重复',
    });
    expect(messages(batchApproveSchema, { applicationIds: ['not-a-uuid'] })).toEqual({
      'applicationIds.0': '申请无效',
    });
  });

  it('check blacklist keys by kind', () => {
    expect(blacklistEntrySchema.parse({ kind: 'vehicle', key: '苏a·1234挂', reason: '出借通行证' })).toEqual({
      kind: 'vehicle',
      key: '苏A1234挂',
      reason: '出借通行证',
    });
    expect(
      messages(blacklistEntrySchema, { kind: 'enterprise', key: '91320115MA1MY5Q2XX', reason: '虚假材料' }),
    ).toEqual({
      key: '统一社会信用代码校验位错误，请核对后重新输入',
    });
    expect(
      messages(blacklistEntrySchema, {
        kind: 'driver',
        key: '11010519491231002X',
        reason: '虚假材料',
        until: '2022-13-01',
      }),
    ).toEqual({
      until: '截止日期不是有效的日期',
    });
  });

  it('check suspensions, quota allocations and province settings', () => {
    expect(
      suspensionSchema.safeParse({ enterpriseId: uuid(1), until: '2022-06-01', reason: '关联疫情熔断' }).success,
    ).toBe(true);
    expect(
      quotaAllocationSchema.safeParse({ jurisdictionCode: '320115', period: '2022-W21', amount: 500 }).success,
    ).toBe(true);
    expect(messages(quotaAllocationSchema, { jurisdictionCode: '320115', period: '2022-W54', amount: -1 })).toEqual({
      period: '配额周期应为月份（如2022-05）或周（如2022-W21）',
      amount: '配额不能为负数',
    });
    expect(provinceSettingsSchema.safeParse(defaultProvinceSettings).success).toBe(true);
  });

  it('check scan uploads', () => {
    const record = {
      id: uuid(9),
      passNumber: '320115000001',
      checkpointId: uuid(8),
      scannedAt: '2022-05-25T08:30:00+08:00',
      result: 'valid',
      direction: 'inbound',
    };
    expect(scanUploadSchema.safeParse({ records: [record] }).success).toBe(true);
    expect(messages(scanUploadSchema, { records: [record, record] })).toEqual({ records: '查验记录编号重复' });
    // Older devices send no kind: a passage. An interception needs a reason; a passage has none.
    expect(scanUploadSchema.parse({ records: [record] }).records[0]?.kind).toBe('passage');
    const interception = { ...record, result: 'revoked', kind: 'interception', reason: ' 通行证已撤销 ' };
    expect(scanUploadSchema.parse({ records: [interception] }).records[0]?.reason).toBe('通行证已撤销');
    expect(messages(scanUploadSchema, { records: [{ ...interception, reason: undefined }] })).toEqual({
      'records.0.reason': '请填写拦截原因',
    });
    expect(messages(scanUploadSchema, { records: [{ ...record, reason: '无' }] })).toEqual({
      'records.0.reason': '放行记录不填写拦截原因',
    });
    expect(
      messages(scanUploadSchema, { records: [{ ...record, scannedAt: 'yesterday', passNumber: '32011500000' }] }),
    ).toEqual({
      'records.0.passNumber': '通行证编号应为12位数字',
      'records.0.scannedAt': '查验时间格式无效',
    });
  });
});
