import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '@pass/shared';
import type { DataSource } from 'typeorm';
import { AccountEntity } from '../src/accounts/account.entity.js';
import { verifyPassword } from '../src/accounts/password.js';
import { openDatabase } from '../src/database/data-source.js';
import { EnterpriseEntity } from '../src/enterprises/enterprise.entity.js';
import { demoLogins, seedDemo } from '../src/seed/demo-seed.js';
import { createTestDatabase, type TestDatabase, testDatabaseKind } from './support/test-database.js';

describe(`demo seed on ${testDatabaseKind}`, () => {
  let db: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase();
    dataSource = await openDatabase(db.config);
  });

  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  it('creates one account per role, tied to the demo enterprise and checkpoint, and is idempotent', async () => {
    await seedDemo(dataSource);
    await seedDemo(dataSource);

    const accounts = await dataSource.getRepository(AccountEntity).find({ order: { phone: 'ASC' } });
    expect(accounts.map((a) => a.role)).toEqual([
      Role.Admin,
      Role.FleetManager,
      Role.Official,
      Role.Official,
      Role.CheckpointStaff,
    ]);
    const enterprises = await dataSource.getRepository(EnterpriseEntity).find();
    expect(enterprises).toHaveLength(1);
    expect(accounts[1]!.enterpriseId).toBe(enterprises[0]!.id);
    expect(accounts[2]).toMatchObject({ jurisdictionCode: '320115', reviewLevel: 'district' });
    expect(accounts[4]!.checkpointId).toEqual(expect.any(String));
  });

  it('stores passwords hashed, and the printed demo passwords verify', async () => {
    const account = await dataSource.getRepository(AccountEntity).findOneByOrFail({ phone: demoLogins[1]!.phone });
    expect(account.passwordHash).not.toContain(demoLogins[1]!.password);
    expect(await verifyPassword(demoLogins[1]!.password, account.passwordHash)).toBe(true);
    expect(await verifyPassword('wrong-password', account.passwordHash)).toBe(false);
  });
});
