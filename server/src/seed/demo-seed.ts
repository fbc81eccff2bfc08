import { Role, roleNames } from '@pass/shared';
import type { DataSource } from 'typeorm';
import { AccountEntity } from '../accounts/account.entity.js';
import { hashPassword } from '../accounts/password.js';
import { CheckpointEntity } from '../checkpoints/checkpoint.entity.js';
import { IssuingDepartmentEntity } from '../departments/issuing-department.entity.js';
import { EnterpriseEntity } from '../enterprises/enterprise.entity.js';

/** Shared by every demo account so a newcomer can try each role; never used outside development. */
const demoPassword = 'demo1234';

const enterprise = {
  creditCode: '91320115MA1MY5Q2XW',
  name: '南京江宁示范物流有限公司',
  address: '江苏省南京市江宁区秣陵街道示范路1号',
  contactName: '王建国',
  contactPhone: '13800000001',
  districtCode: '320115',
};

const checkpoint = {
  code: 'JS-NJ-G25-01',
  name: '长深高速南京南收费站卡口',
  regionCode: '320115',
  latitude: '31.872000',
  longitude: '118.822000',
};

/** The issuing departments of the demo jurisdictions; duty phones are demo numbers. */
export const demoDepartments = [
  { regionCode: '320100', name: '南京市工业和信息化局', dutyPhone: '025-83000001' },
  { regionCode: '320115', name: '江宁区工业和信息化局', dutyPhone: '025-52000002' },
];

type DemoAccount = Pick<AccountEntity, 'phone' | 'name' | 'role'> & Partial<AccountEntity>;

const accounts: DemoAccount[] = [
  { phone: '13800000000', name: '系统管理员', role: Role.Admin },
  { phone: '13800000001', name: '王建国', role: Role.FleetManager },
  {
    phone: '13800000002',
    name: '李审核',
    role: Role.Official,
    jurisdictionCode: '320115',
    department: '江宁区工业和信息化局',
    reviewLevel: 'district',
  },
  {
    phone: '13800000003',
    name: '赵复核',
    role: Role.Official,
    jurisdictionCode: '320100',
    department: '南京市工业和信息化局',
    reviewLevel: 'city',
  },
  { phone: '13800000004', name: '陈卡口', role: Role.CheckpointStaff },
];

export const demoLogins = accounts.map((a) => ({
  phone: a.phone,
  password: demoPassword,
  roleName: a.reviewLevel === 'city' ? `${roleNames[a.role]}(市级)` : roleNames[a.role],
}));

/** Seeds the demo district (江苏省南京市江宁区), its departments, one enterprise, a checkpoint and one account per role. */
export async function seedDemo(dataSource: DataSource): Promise<void> {
  await dataSource.transaction(async (em) => {
    // Also into a database seeded before departments were recorded; an admin's values are kept.
    for (const department of demoDepartments) {
      if (await em.existsBy(IssuingDepartmentEntity, { regionCode: department.regionCode })) continue;
      await em.save(
        IssuingDepartmentEntity,
        em.create(IssuingDepartmentEntity, { ...department, updatedAt: new Date() }),
      );
    }
    if (await em.existsBy(AccountEntity, { phone: accounts[0]!.phone })) return;
    const savedEnterprise = await em.save(
      EnterpriseEntity,
      em.create(EnterpriseEntity, { ...enterprise, verifiedAt: new Date() }),
    );
    const savedCheckpoint = await em.save(CheckpointEntity, em.create(CheckpointEntity, checkpoint));
    const passwordHash = await hashPassword(demoPassword);
    for (const account of accounts) {
      await em.save(
        AccountEntity,
        em.create(AccountEntity, {
          ...account,
          passwordHash,
          enterpriseId: account.role === Role.FleetManager ? savedEnterprise.id : null,
          checkpointId: account.role === Role.CheckpointStaff ? savedCheckpoint.id : null,
        }),
      );
    }
  });
}
