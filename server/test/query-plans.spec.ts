import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { coveredRegionCodes } from '@pass/shared';
import { DataSource } from 'typeorm';
import { AccountEntity } from '../src/accounts/account.entity.js';
import { ApplicationEntity } from '../src/applications/application.entity.js';
import { recountStepCounts } from '../src/applications/step-counts.js';
import { AuditEntryEntity } from '../src/audit/audit-entry.entity.js';
import { CheckpointEntity } from '../src/checkpoints/checkpoint.entity.js';
import { sqlDateTime } from '../src/common/sql-dates.js';
import { EnterpriseEntity } from '../src/enterprises/enterprise.entity.js';
import { PassEntity } from '../src/passes/pass.entity.js';
import { CloneAlertEntity } from '../src/scans/clone-alert.entity.js';
import { ScanRecordEntity } from '../src/scans/scan-record.entity.js';
import { VehicleEntity } from '../src/vehicles/vehicle.entity.js';
import { type ApiClient, apiClient, firstSignIn } from './support/api.js';
import { completeApplication, registerFleet, seedAndLogin, submitApplication } from './support/fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { testDatabaseKind } from './support/test-database.js';

/**
 * Plan tests (issue 18): every list and counter an official or admin opens must read one page from an
 * index, not the table. The database is seeded with tens of thousands of rows (enough for MariaDB's
 * optimizer to choose as it does at a million, after ANALYZE TABLE); each list is requested through
 * the API, the SQL the server ran is captured from TypeORM's logger, and each statement is run again
 * under `ANALYZE FORMAT=JSON` (MariaDB: the plan and the rows actually read) or `EXPLAIN QUERY PLAN`
 * (SQLite). A plan that walks a table fails here, not in a bench at a million rows.
 */
describe('query plans of the officials’ and admins’ lists at volume', () => {
  let t: TestApp;
  let as: Awaited<ReturnType<typeof seedAndLogin>>;
  let dataSource: DataSource;
  let templateCategory = '';
  let captured: { sql: string; parameters: unknown[] }[] | null = null;
  const mariadb = () => testDatabaseKind === 'mariadb';

  const nanjing = ['320102', '320104', '320105', '320106', '320111', '320113', '320114', '320115', '320116'];
  const elsewhere = ['320205', '320211', '320302', '320411', '320505', '320612'];
  const counties = [...nanjing, ...elsewhere];
  const cityOf = (county: string) => `${county.slice(0, 4)}00`;
  const bigEnterpriseCounty = '320205';
  // SQLite's checks read plans, not rows read: fewer rows keep its run short.
  const applicationCount = mariadb() ? 40_000 : 15_000;
  const auditCount = mariadb() ? 20_000 : 8_000;
  const bigTables = ['applications', 'passes', 'enterprises', 'vehicles', 'audit_log', 'clone_alerts'];

  beforeAll(async () => {
    t = await startTestApp();
    as = await seedAndLogin(t);
    dataSource = t.app.get(DataSource);
    // One real application and pass as templates for the bulk rows.
    const fleet = await registerFleet(as.fleetManager, '苏A70001', 700);
    const id = await submitApplication(as.fleetManager, completeApplication(fleet));
    await as.districtOfficial.post(`/reviews/${id}/decision`, { decision: 'approve' });
    const approved = await as.cityOfficial.post(`/reviews/${id}/decision`, { decision: 'approve' });
    expect(approved.status).toBe(200);
    await seed(id);
    // Seeding outlasts the server's keep-alive: use up the idle sockets it has closed meanwhile.
    for (let i = 0; i < 10; i++)
      await apiClient(t.url)
        .get('/health')
        .catch(() => undefined);
    const logger = dataSource.logger;
    const capturing = Object.create(logger);
    capturing.logQuery = (sql: string, parameters?: unknown[]) => {
      captured?.push({ sql, parameters: parameters ?? [] });
      return logger.logQuery(sql, parameters);
    };
    Object.assign(dataSource, { logger: capturing });
  }, 420_000); // Seeding takes minutes when the machine is busy.

  afterAll(async () => {
    await t?.close();
  });

  /** Bulk rows in multi-row inserts: enterprises, applications (waiting and approved), passes, audit, alerts. */
  async function seed(templateId: string) {
    const manager = dataSource.manager;
    const templateApp = await manager.findOneByOrFail(ApplicationEntity, { id: templateId });
    const templatePass = await manager.findOneByOrFail(PassEntity, { applicationId: templateId });
    const templateEnterprise = await manager.findOneByOrFail(EnterpriseEntity, { id: templateApp.enterpriseId });
    templateCategory = templateApp.materialCategory!;
    // Deterministic and independent of the county (i % counties.length), unlike i % n.
    const random = (i: number, salt: number) => {
      let x = Math.imul(i + 1, 0x9e3779b1) ^ Math.imul(salt, 0x85ebca6b);
      x = Math.imul(x ^ (x >>> 16), 0x7feb352d);
      x = Math.imul(x ^ (x >>> 15), 0x846ca68b);
      return ((x ^ (x >>> 16)) >>> 0) / 2 ** 32;
    };
    const now = Date.now();
    const minute = 60_000;
    const insert = async <E extends object>(entity: new () => E, rows: E[]) => {
      for (let i = 0; i < rows.length; i += 400) await manager.insert(entity, rows.slice(i, i + 400) as never);
    };

    const enterprises = Array.from({ length: 600 }, (_, i) => {
      const at = new Date(now - (600 - i) * 60 * minute);
      return Object.assign(new EnterpriseEntity(), {
        ...templateEnterprise,
        id: randomUUID(),
        creditCode: `91${counties[i % counties.length]}PL${String(i).padStart(7, '0')}X`,
        name: `计划测试物流有限公司${i}`,
        districtCode: counties[i % counties.length],
        verifiedAt: i % 7 === 0 ? null : at,
        createdAt: at,
        updatedAt: at,
      });
    });
    await insert(EnterpriseEntity, enterprises);
    // One vehicle of each enterprise (苏A00000 …), its applications' and passes' truck.
    const templateVehicle = await manager.findOneByOrFail(VehicleEntity, { id: templateApp.vehicleId! });
    const vehicles = enterprises.map((e, i) =>
      Object.assign(new VehicleEntity(), {
        ...templateVehicle,
        id: randomUUID(),
        enterpriseId: e.id,
        plate: `苏A${String(i).padStart(5, '0')}`,
        createdAt: e.createdAt,
        updatedAt: e.createdAt,
      }),
    );
    await insert(VehicleEntity, vehicles);
    const plateOf = new Map<string, string>(vehicles.map((v) => [v.id, v.plate]));

    const categories = [templateApp.materialCategory, 'X1', 'X2', 'X3', 'X4', 'X5', 'X6', 'X7'];
    const applications = Array.from({ length: applicationCount }, (_, i) => {
      const county = counties[i % counties.length]!;
      const submittedAt = new Date(now - (applicationCount - i) * 10 * minute);
      // A tenth wait at the district, a twentieth at the city; the rest are approved. Due three days
      // after reaching the step: the older half of the waiting ones are overdue.
      const draw = random(i, 1);
      const kind = draw < 0.1 ? 'district' : draw < 0.15 ? 'city' : 'approved';
      const dueAt = kind === 'approved' ? null : new Date(submittedAt.getTime() + 3 * 1440 * minute);
      return Object.assign(new ApplicationEntity(), {
        ...templateApp,
        id: randomUUID(),
        enterpriseId: enterprises[i % enterprises.length]!.id,
        vehicleId: vehicles[i % vehicles.length]!.id,
        clientRequestId: null,
        status: kind === 'approved' ? 'approved' : 'submitted',
        materialCategory: categories[Math.floor(random(i, 2) * categories.length)]!,
        submittedAt,
        currentLevel: kind === 'approved' ? null : kind,
        currentJurisdiction: kind === 'approved' ? null : kind === 'district' ? county : cityOf(county),
        escalationLevel: kind === 'district' ? 'city' : null,
        escalationJurisdiction: kind === 'district' ? cityOf(county) : null,
        dueAt,
        whitelisted: random(i, 3) < 0.1,
        version: 1,
        createdAt: submittedAt,
        updatedAt: submittedAt,
      }) as ApplicationEntity;
    });
    await insert(ApplicationEntity, applications);

    const approved = applications.filter((a) => a.status === 'approved');
    const passes = approved.map((a, i) => {
      const county = counties[i % counties.length]!;
      const issuer = i % 3 === 0 ? cityOf(county) : county;
      return Object.assign(new PassEntity(), {
        ...templatePass,
        id: randomUUID(),
        passNumber: `${issuer}${String(i + 1000).padStart(6, '0')}`,
        issuerCode: issuer,
        routingCounty: county,
        statusIndex: templatePass.statusIndex + 1000 + i,
        applicationId: a.id,
        // A big enterprise with passes elsewhere: those routed through one of Wuxi's counties are the
        // twelfth enterprise's, whose name a Nanjing official searches below.
        enterpriseId: county === bigEnterpriseCounty ? enterprises[12]!.id : a.enterpriseId,
        plate: plateOf.get(a.vehicleId!)!,
        issuedAt: new Date(a.submittedAt!.getTime() + 60 * minute),
        createdAt: a.submittedAt!,
        updatedAt: a.submittedAt!,
      });
    });
    await insert(PassEntity, passes);

    const types = ['application', 'pass', 'enterprise', 'account', 'settings'];
    await insert(
      AuditEntryEntity,
      Array.from({ length: auditCount }, (_, i) => {
        const at = new Date(now - (auditCount - i) * 5 * minute);
        return Object.assign(new AuditEntryEntity(), {
          id: randomUUID(),
          actorId: null,
          actorRole: 'official',
          actorName: '计划测试',
          action: `${types[i % types.length]}.update`,
          entityType: types[i % types.length]!,
          entityId: randomUUID(),
          before: null,
          after: null,
          createdAt: at,
          updatedAt: at,
        });
      }),
    );

    const checkpoint = await manager.findOneByOrFail(CheckpointEntity, {});
    const uploader = await manager.findOneByOrFail(AccountEntity, {});
    const alerted = passes.slice(0, 3_000);
    const scans = alerted.flatMap((p, i) =>
      [0, 1].map((second) => {
        const at = new Date(now - (3_000 - i) * 30 * minute + second * 20 * minute);
        return Object.assign(new ScanRecordEntity(), {
          id: randomUUID(),
          passNumber: p.passNumber,
          passId: p.id,
          checkpointId: checkpoint.id,
          scannedAt: at,
          result: 'valid',
          direction: 'inbound',
          kind: 'passage',
          reason: null,
          uploadedBy: uploader.id,
          uploadedAt: at,
        }) as ScanRecordEntity;
      }),
    );
    await insert(ScanRecordEntity, scans);
    await insert(
      CloneAlertEntity,
      alerted.map((p, i) => {
        const at = new Date(now - (3_000 - i) * 30 * minute);
        return Object.assign(new CloneAlertEntity(), {
          id: randomUUID(),
          passId: p.id,
          firstScanId: scans[2 * i]!.id,
          secondScanId: scans[2 * i + 1]!.id,
          distanceKm: 300,
          minutes: 20,
          resolvedAt: i % 10 === 0 ? null : at,
          createdAt: at,
          updatedAt: at,
        });
      }),
    );
    // The review counters are kept by transitions; rows inserted around them are counted here.
    await recountStepCounts(dataSource.manager);
    if (mariadb()) await dataSource.query(`ANALYZE TABLE ${bigTables.join(', ')}, review_step_counts`);
    else await dataSource.query('ANALYZE');
  }

  /** The statements one request ran that read a list's tables. */
  async function statementsOf(client: ApiClient, path: string) {
    captured = [];
    // After the long seeding the client's idle keep-alive sockets may have been closed by the server:
    // such a request never reached it, so it is sent again.
    const res = await client.get(path).catch(() => {
      captured = [];
      return client.get(path);
    });
    const statements = captured;
    captured = null;
    expect(res.status).toBe(200);
    const reading = statements.filter(
      (s) => /^\s*SELECT/i.test(s.sql) && bigTables.some((table) => new RegExp(`[\`"]${table}[\`"]`).test(s.sql)),
    );
    expect(reading.length).toBeGreaterThan(0);
    return { body: res.body, statements: reading };
  }

  interface TableAccess {
    table: string;
    key: string | null;
    accessType: string;
    rowsRead: number;
  }

  /** MariaDB: each table the statement read, with its index and the rows it actually read. */
  async function analyse(sql: string, parameters: unknown[]): Promise<{ accesses: TableAccess[]; keys: string[] }> {
    const [row] = await dataSource.query(`ANALYZE FORMAT=JSON ${sql}`, parameters);
    const plan = JSON.parse(Object.values(row as Record<string, string>)[0]!);
    const accesses: TableAccess[] = [];
    // Every index named anywhere in the plan, those of an index merge included.
    const keys: string[] = [];
    const walk = (node: unknown) => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === 'object') {
        const o = node as Record<string, unknown>;
        if (typeof o.key === 'string') keys.push(o.key);
        if (typeof o.table_name === 'string' && !o.table_name.startsWith('<')) {
          accesses.push({
            table: o.table_name,
            key: (o.key as string | undefined) ?? null,
            accessType: String(o.access_type),
            rowsRead: Math.round(Number(o.r_rows ?? 0) * Number(o.r_loops ?? 1)),
          });
        }
        Object.values(o).forEach(walk);
      }
    };
    walk(plan);
    return { accesses, keys };
  }

  /**
   * Every statement of the request reads through one of `keys` (or a primary key) and, in all, at
   * most `maxRows` rows (MariaDB); on SQLite none scans a list's table or sorts it whole.
   */
  async function expectIndexed(
    client: ApiClient,
    path: string,
    keys: string[],
    maxRows = 300,
    fullScanOk = false,
    maxRowsPerRead = Number.POSITIVE_INFINITY,
  ) {
    const { body, statements } = await statementsOf(client, path);
    const used = new Set<string>();
    const plans: string[] = [];
    for (const { sql, parameters } of statements) {
      if (mariadb()) {
        const { accesses, keys: named } = await analyse(sql, parameters);
        for (const key of named) used.add(key);
        const context = `${path}\n${sql}\n${JSON.stringify(accesses)}`;
        plans.push(context);
        for (const a of accesses) {
          expect({ context, fullScan: a.accessType === 'ALL' && !fullScanOk }).toEqual({
            context,
            fullScan: false,
          });
        }
        // Each branch of a merged list reads at most a page, however many rows its key has elsewhere. The
        // statement finding which (enterprise, code) pairs have passes reads an entry per pair instead
        // (EXISTS, checked by the Wuxi search below).
        const overPage = /EXISTS/.test(sql) ? [] : accesses.filter((a) => a.rowsRead > maxRowsPerRead);
        expect({ context, overPage }).toEqual({ context, overPage: [] });
        const read = accesses.reduce((sum, a) => sum + a.rowsRead, 0);
        expect({ context, withinPage: read <= maxRows }).toEqual({ context, withinPage: true });
      } else {
        const plan: { detail: string }[] = await dataSource.query(`EXPLAIN QUERY PLAN ${sql}`, parameters);
        const details = plan.map((p) => p.detail);
        const context = `${path}\n${sql}\n${details.join('\n')}`;
        plans.push(context);
        for (const detail of details) {
          const index = / USING (?:COVERING )?INDEX (\w+)/.exec(detail)?.[1];
          if (index) used.add(index);
          // `SCAN b0` reads a branch's own rows (a co-routine), not a table; so do the scans of a search's
          // enterprises and covered codes, given as literal rows (covered-code-branches.ts).
          const ownRows = /^SCAN (b\d+|listed_enterprise|covered_code)$/.test(detail);
          const tableScan = /^SCAN \w+$/.test(detail) && !ownRows && !fullScanOk;
          expect({ context, tableScan }).toEqual({ context, tableScan: false });
          // A branch that sorts is judged on MariaDB, by the rows it read: SQLite sorts an empty range too.
          const wholeSort = detail === 'USE TEMP B-TREE FOR ORDER BY' && !/ IN \(|UNION ALL/.test(sql);
          expect({ context, wholeSort }).toEqual({
            context,
            wholeSort: false,
          });
        }
      }
    }
    for (const key of keys) expect({ plans, used: [...used] }).toEqual({ plans, used: expect.arrayContaining([key]) });
    return body;
  }

  const category = () => encodeURIComponent(templateCategory);
  let province: ApiClient | undefined;
  /** A province-level official (the demo seeds none), created once. */
  const provinceOfficial = async () => {
    if (!province) {
      const created = await as.admin.post('/admin/accounts', {
        role: 'official',
        name: '江苏省审核',
        phone: '13700000089',
        password: 'Review2022',
        jurisdictionCode: '320000',
        department: '江苏省工业和信息化厅',
        reviewLevel: 'province',
      });
      expect(created.status).toBe(201);
      province = await firstSignIn(t.url, '13700000089', 'Review2022');
    }
    return province;
  };

  describe('review queue', () => {
    const queueKeys = ['idx_applications_queue_whitelist', 'idx_applications_escalation_whitelist'];
    const districtKeys = mariadb() ? queueKeys : ['idx_applications_queue_whitelist'];
    it('district official, first page and the next, oldest first', async () => {
      const first = await expectIndexed(as.districtOfficial, '/reviews/queue?limit=20', districtKeys);
      expect(first.items).toHaveLength(20);
      expect(first.nextCursor).toEqual(expect.any(String));
      const next = await expectIndexed(
        as.districtOfficial,
        `/reviews/queue?limit=20&cursor=${encodeURIComponent(first.nextCursor)}`,
        districtKeys,
      );
      expect(next.items[0].submittedAt >= first.items.at(-1).submittedAt).toBe(true);
    });

    it('city official with escalations, whitelisted first, overdue only', async () => {
      const page = await expectIndexed(as.cityOfficial, '/reviews/queue?limit=20', queueKeys);
      expect(page.items.some((i: { escalated: boolean }) => i.escalated)).toBe(true);
      const whitelisted = await expectIndexed(
        as.cityOfficial,
        '/reviews/queue?whitelistFirst=true&limit=20',
        queueKeys,
      );
      expect(whitelisted.items[0].whitelisted).toBe(true);
      const again = await expectIndexed(
        as.cityOfficial,
        `/reviews/queue?whitelistFirst=true&limit=20&cursor=${encodeURIComponent(whitelisted.nextCursor)}`,
        queueKeys,
      );
      expect(again.items).toHaveLength(20);
      await expectIndexed(as.districtOfficial, '/reviews/queue?overdue=true&limit=20', districtKeys);
      await expectIndexed(as.districtOfficial, '/reviews/queue?whitelistFirst=true&limit=20', districtKeys);
      await expectIndexed(as.cityOfficial, '/reviews/queue?overdue=true&limit=20', queueKeys);
      await expectIndexed(as.cityOfficial, '/reviews/queue?overdue=true&whitelistFirst=true&limit=20', queueKeys);
    });

    it('by material category', async () => {
      const page = await expectIndexed(as.districtOfficial, `/reviews/queue?category=${category()}&limit=20`, [
        'idx_applications_queue_category',
      ]);
      expect(page.items.length).toBeGreaterThan(0);
      await expectIndexed(as.cityOfficial, `/reviews/queue?category=${category()}&whitelistFirst=true&limit=20`, [
        'idx_applications_queue_category',
        'idx_applications_escalation_category',
      ]);
    });
  });

  it('review counters: one statement, a step’s count rows by primary key and an hour of due times from an index', async () => {
    const now = new Date();
    for (const [official, j, l] of [
      [as.districtOfficial, '320115', 'district'],
      [as.cityOfficial, '320100', 'city'],
    ] as const) {
      const { body, statements } = await statementsOf(official, '/reviews/counters');
      // Exact: what a count of every waiting row gives.
      const count = (where: string) =>
        dataSource.getRepository(ApplicationEntity).createQueryBuilder('a').where(where, { j, l, now }).getCount();
      const mine = 'a.current_jurisdiction = :j AND a.current_level = :l';
      expect(body).toMatchObject({
        waiting: await count(mine),
        overdue: await count(`${mine} AND a.due_at < :now`),
        escalated: await count('a.escalation_jurisdiction = :j AND a.escalation_level = :l AND a.due_at < :now'),
      });
      expect(body.waiting).toBeGreaterThan(50);
      // One statement (a round trip, not four): the count rows, with this hour's due applications in
      // scalar subqueries.
      expect(statements.map((s) => s.sql)).toEqual([expect.stringMatching(/review_step_counts/)]);
      const [{ sql, parameters }] = statements as [(typeof statements)[number]];
      if (mariadb()) {
        const { accesses } = await analyse(sql, parameters);
        const context = `${sql}\n${JSON.stringify(accesses)}`;
        const rows = accesses.filter((a) => a.table === 'c');
        const due = accesses.filter((a) => a.table === 'a');
        expect({
          context,
          rows: rows.map((a) => `${a.key} ${a.accessType}`),
          // The due times of this hour only: a few applications, never the step's thousands.
          due: due.map((a) => a.accessType === 'range' && a.rowsRead <= 50),
          others: accesses.length - rows.length - due.length,
        }).toEqual({ context, rows: [expect.stringMatching(/^PRIMARY (range|ref)$/)], due: [true, true], others: 0 });
      } else {
        const plan: { detail: string }[] = await dataSource.query(`EXPLAIN QUERY PLAN ${sql}`, parameters);
        expect({ sql, plan: plan.map((p) => p.detail).sort() }).toEqual({
          sql,
          plan: [
            expect.stringMatching(/^SCALAR SUBQUERY/),
            expect.stringMatching(/^SCALAR SUBQUERY/),
            expect.stringMatching(/^SEARCH a USING COVERING INDEX \w+ \(.*due_at>\? AND due_at<\?\)$/),
            expect.stringMatching(/^SEARCH a USING COVERING INDEX \w+ \(.*due_at>\? AND due_at<\?\)$/),
            expect.stringMatching(/^SEARCH c USING (COVERING )?INDEX sqlite_autoindex_review_step_counts_1 /),
          ],
        });
      }
    }
  });

  describe('pass management', () => {
    it('district and city officials page per covered code; admin and fleet manager by their index', async () => {
      const district = await expectIndexed(as.districtOfficial, '/passes?limit=20', [
        'idx_passes_routing',
        'idx_passes_issuer',
      ]);
      expect(district.items).toHaveLength(20);
      await expectIndexed(as.districtOfficial, `/passes?limit=20&cursor=${encodeURIComponent(district.nextCursor)}`, [
        'idx_passes_routing',
        'idx_passes_issuer',
      ]);
      // Two branches per covered code (the city and its counties), each at most a page.
      const city = await expectIndexed(
        as.cityOfficial,
        '/passes?limit=20',
        ['idx_passes_routing', 'idx_passes_issuer'],
        800,
      );
      expect(city.items).toHaveLength(20);
      await expectIndexed(as.admin, '/passes?limit=20', ['idx_passes_issued']);
      // A province is every pass of the deployment: newest first from idx_passes_issued, its prefix a filter.
      const province = await expectIndexed(await provinceOfficial(), '/passes?limit=20', ['idx_passes_issued']);
      expect(province.items).toHaveLength(20);
      await expectIndexed(
        await provinceOfficial(),
        `/passes?limit=20&cursor=${encodeURIComponent(province.nextCursor)}`,
        ['idx_passes_issued'],
      );
      await expectIndexed(as.fleetManager, '/passes?limit=20', ['idx_passes_enterprise']);
    });
  });

  describe('search', () => {
    const queue = (q: string) => `/reviews/queue?limit=20&q=${encodeURIComponent(q)}`;
    const passes = (q: string) => `/passes?q=${encodeURIComponent(q)}`;
    const escalated = (keys: string[]) => (mariadb() ? keys : keys.filter((k) => !k.includes('escalation')));
    /** A seeded application waiting at the district official's step, its enterprise and its truck. */
    const waiting = async () => {
      const app = await dataSource
        .getRepository(ApplicationEntity)
        .createQueryBuilder('a')
        .where("a.current_jurisdiction = '320115' AND a.current_level = 'district' AND a.client_request_id IS NULL")
        .orderBy('a.submitted_at', 'DESC')
        .getOneOrFail();
      const enterprise = await dataSource.getRepository(EnterpriseEntity).findOneByOrFail({ id: app.enterpriseId });
      const vehicle = await dataSource.getRepository(VehicleEntity).findOneByOrFail({ id: app.vehicleId! });
      return { app, enterprise, vehicle };
    };

    it('review queue by plate, pass number, credit code and name: one branch per vehicle or enterprise', async () => {
      const { app, enterprise, vehicle } = await waiting();
      const byPlate = await expectIndexed(
        as.districtOfficial,
        queue(vehicle.plate),
        escalated(['idx_vehicles_plate', 'idx_applications_queue_vehicle', 'idx_applications_escalation_vehicle']),
      );
      expect(byPlate.items.map((i: { id: string }) => i.id)).toContain(app.id);
      expect(byPlate.items.every((i: { plate: string }) => i.plate === vehicle.plate)).toBe(true);
      await expectIndexed(as.cityOfficial, queue('苏A0000'), ['idx_applications_queue_vehicle'], 600);
      const pass = await dataSource.getRepository(PassEntity).findOneByOrFail({ plate: vehicle.plate });
      await expectIndexed(as.districtOfficial, queue(pass.passNumber), ['uq_passes_number']);
      const byCode = await expectIndexed(
        as.districtOfficial,
        `${queue(enterprise.creditCode)}&whitelistFirst=true`,
        escalated(['uq_enterprises_credit_code', 'idx_applications_queue_enterprise']),
      );
      expect(byCode.items.map((i: { id: string }) => i.id)).toContain(app.id);
      expect(byCode.items.every((i: { enterpriseName: string }) => i.enterpriseName === enterprise.name)).toBe(true);
      // Eleven names begin so (12, 120–129): the first ten are searched, a branch each.
      await expectIndexed(
        as.cityOfficial,
        `${queue('计划测试物流有限公司12')}&category=${category()}`,
        escalated([
          'idx_enterprises_name',
          'idx_applications_queue_enterprise',
          'idx_applications_escalation_enterprise',
        ]),
        600,
      );
    });

    it('pass management by pass number, plate, credit code and name, within the jurisdiction', async () => {
      // A seeded pass of the district (not the template's truck).
      const pass = await dataSource
        .getRepository(PassEntity)
        .createQueryBuilder('p')
        .where("p.routing_county = '320115' AND p.plate <> '苏A70001'")
        .getOneOrFail();
      const byNumber = await expectIndexed(as.districtOfficial, passes(pass.passNumber), ['uq_passes_number']);
      expect(byNumber.items.map((p: { id: string }) => p.id)).toEqual([pass.id]);
      const byPlate = await expectIndexed(as.districtOfficial, passes(pass.plate), ['idx_passes_plate']);
      expect(byPlate.items.map((p: { id: string }) => p.id)).toContain(pass.id);
      await expectIndexed(as.cityOfficial, passes('苏A0001'), ['idx_vehicles_plate', 'idx_passes_plate'], 800);
      const { enterprise } = await waiting();
      const perCode = ['idx_passes_enterprise_routing', 'idx_passes_enterprise_issuer'];
      await expectIndexed(
        as.districtOfficial,
        passes(enterprise.creditCode),
        ['uq_enterprises_credit_code', ...perCode],
        300,
        false,
        21,
      );
      // Ten enterprises, one of them with thousands of passes in Wuxi: one branch per enterprise and
      // covered code, each at most a page (limit + 1), never the passes outside the city.
      await expectIndexed(
        as.cityOfficial,
        passes('计划测试物流有限公司12'),
        ['idx_enterprises_name', ...perCode],
        800,
        false,
        21,
      );
      await expectIndexed(as.admin, passes('计划测试物流有限公司12'), ['idx_passes_enterprise'], 800);
    });

    /** The enterprises a search by a name's beginning finds, as the server picks them (first 10 by name). */
    const enterprisesNamed = (prefix: string) =>
      dataSource
        .getRepository(EnterpriseEntity)
        .createQueryBuilder('e')
        .select('e.id', 'id')
        .where('e.name LIKE :name', { name: `${prefix}%` })
        .orderBy('e.name', 'ASC')
        .limit(10)
        .getRawMany<{ id: string }>();

    it('pass management by name for a city official: the plain query’s two pages', async () => {
      const names = await enterprisesNamed('计划测试物流有限公司12');
      const codes = coveredRegionCodes('320100');
      const reference = await dataSource
        .getRepository(PassEntity)
        .createQueryBuilder('p')
        .select('p.id', 'id')
        .where('p.enterprise_id IN (:...ids)', { ids: names.map((n) => n.id) })
        .andWhere('(p.routing_county IN (:...codes) OR p.issuer_code IN (:...codes))', { codes })
        .orderBy('p.issued_at', 'DESC')
        .addOrderBy('p.id', 'DESC')
        .limit(40)
        .getRawMany<{ id: string }>();
      expect(reference).toHaveLength(40);
      const first = (await as.cityOfficial.get(`${passes('计划测试物流有限公司12')}&limit=20`)).body;
      const second = (
        await as.cityOfficial.get(
          `${passes('计划测试物流有限公司12')}&limit=20&cursor=${encodeURIComponent(first.nextCursor)}`,
        )
      ).body;
      const ids = [...first.items, ...second.items].map((p: { id: string }) => p.id);
      expect(ids).toEqual(reference.map((r) => r.id));
    });

    it('pass management by name for a city official: only the covered codes its enterprises have passes at', async () => {
      const wuxiOfficial = await (async () => {
        await as.admin.post('/admin/accounts', {
          role: 'official',
          name: '无锡搜索',
          phone: '13700000087',
          password: 'Review2022',
          jurisdictionCode: '320200',
          department: '无锡市工业和信息化局',
          reviewLevel: 'city',
        });
        return firstSignIn(t.url, '13700000087', 'Review2022');
      })();
      const path = `${passes('计划测试物流有限公司12')}&limit=20`;
      const { body, statements } = await statementsOf(wuxiOfficial, path);
      const names = await enterprisesNamed('计划测试物流有限公司12');
      const ids = names.map((n) => n.id);
      const codes = coveredRegionCodes('320200');
      const pairsWithPasses = async (column: string) =>
        (
          await dataSource
            .getRepository(PassEntity)
            .createQueryBuilder('p')
            .select(`DISTINCT p.enterprise_id, p.${column}`)
            .where(`p.enterprise_id IN (:...ids) AND p.${column} IN (:...codes)`, { ids, codes })
            .getRawMany()
        ).length;
      const expected = (await pairsWithPasses('routing_county')) + (await pairsWithPasses('issuer_code'));
      expect(expected).toBeLessThan(ids.length * codes.length);
      // First which (enterprise, code) pairs have passes, one statement; then a branch per such pair
      // and column only, not one per enterprise, covered code and column (10 × 9 × 2 here).
      const pairs = statements.filter((s) => /EXISTS/.test(s.sql));
      expect(pairs).toHaveLength(1);
      const merged = statements.find((s) => /UNION ALL/.test(s.sql) && !/EXISTS/.test(s.sql));
      expect(merged?.sql.match(/\) b\d+/g)?.length).toBe(expected);
      if (mariadb()) {
        // One index entry at most per pair, though the twelfth enterprise has thousands of passes at 320205.
        const { accesses } = await analyse(pairs[0]!.sql, pairs[0]!.parameters);
        const passReads = accesses.filter((a) => a.table === 'p');
        expect(passReads.map((a) => a.key)).toEqual(['idx_passes_enterprise_routing', 'idx_passes_enterprise_issuer']);
        for (const a of passReads) expect(a.rowsRead).toBeLessThanOrEqual(ids.length * codes.length);
      }
      await expectIndexed(
        wuxiOfficial,
        path,
        ['idx_enterprises_name', 'idx_passes_enterprise_routing', 'idx_passes_enterprise_issuer'],
        800,
        false,
        21,
      );
      const reference = await dataSource
        .getRepository(PassEntity)
        .createQueryBuilder('p')
        .select('p.id', 'id')
        .where('p.enterprise_id IN (:...ids)', { ids })
        .andWhere('(p.routing_county IN (:...codes) OR p.issuer_code IN (:...codes))', { codes })
        .orderBy('p.issued_at', 'DESC')
        .addOrderBy('p.id', 'DESC')
        .limit(20)
        .getRawMany<{ id: string }>();
      expect(reference).toHaveLength(20);
      expect(body.items.map((p: { id: string }) => p.id)).toEqual(reference.map((r) => r.id));
    });

    it('the fleet’s applications by plate', async () => {
      await expectIndexed(as.fleetManager, `/applications?q=${encodeURIComponent('苏A70001')}`, [
        'uq_vehicles_enterprise_plate',
        'idx_applications_vehicle',
      ]);
    });

    it('finds what the plain query finds', async () => {
      const { enterprise } = await waiting();
      const reference = await dataSource
        .getRepository(ApplicationEntity)
        .createQueryBuilder('a')
        .select('a.id', 'id')
        .where('a.enterprise_id = :id', { id: enterprise.id })
        .andWhere(
          '((a.current_jurisdiction = :j AND a.current_level = :l) OR (a.escalation_jurisdiction = :j AND a.escalation_level = :l AND a.due_at < :now))',
          { j: '320115', l: 'district', now: new Date() },
        )
        .orderBy('a.submitted_at', 'ASC')
        .addOrderBy('a.id', 'ASC')
        .limit(20)
        .getRawMany<{ id: string }>();
      expect(reference.length).toBeGreaterThan(0);
      const page = (await as.districtOfficial.get(queue(enterprise.creditCode))).body;
      expect(page.items.map((i: { id: string }) => i.id)).toEqual(reference.map((r) => r.id));
    });
  });

  describe('the pages are those of the plain OR query they replace', () => {
    const pageIds = (body: { items: { id: string }[] }) => body.items.map((i) => i.id);

    it('review queue, each filter and sort, two pages', async () => {
      const reference = (jurisdiction: string, level: string, query: Record<string, string>, skip: number) => {
        const now = new Date();
        const q = dataSource
          .getRepository(ApplicationEntity)
          .createQueryBuilder('a')
          .select('a.id', 'id')
          .where(
            '((a.current_jurisdiction = :j AND a.current_level = :l) OR (a.escalation_jurisdiction = :j AND a.escalation_level = :l AND a.due_at < :now))',
            { j: jurisdiction, l: level, now },
          );
        if (query.category) q.andWhere('a.material_category = :c', { c: query.category });
        if (query.overdue) q.andWhere('a.due_at < :now', { now });
        if (query.whitelistFirst) q.orderBy('a.whitelisted', 'DESC').addOrderBy('a.submitted_at', 'ASC');
        else q.orderBy('a.submitted_at', 'ASC');
        return q.addOrderBy('a.id', 'ASC').offset(skip).limit(20).getRawMany<{ id: string }>();
      };
      const officials = [
        [as.districtOfficial, '320115', 'district'],
        [as.cityOfficial, '320100', 'city'],
      ] as const;
      const filters: Record<string, string>[] = [
        {},
        { whitelistFirst: 'true' },
        { overdue: 'true' },
        { category: templateCategory },
      ];
      for (const [client, jurisdiction, level] of officials) {
        for (const filter of filters) {
          const search = new URLSearchParams({ ...filter, limit: '20' });
          const first = (await client.get(`/reviews/queue?${search}`)).body;
          const second = first.nextCursor
            ? (await client.get(`/reviews/queue?${search}&cursor=${encodeURIComponent(first.nextCursor)}`)).body
            : { items: [] };
          const context = { jurisdiction, filter };
          expect({ context, ids: [...pageIds(first), ...pageIds(second)] }).toEqual({
            context,
            ids: [
              ...(await reference(jurisdiction, level, filter, 0)),
              ...(await reference(jurisdiction, level, filter, 20)),
            ].map((r) => r.id),
          });
        }
      }
    });

    it('pass list of a district, a city, another city and an admin, two pages', async () => {
      const wuxiOfficial = await (async () => {
        await as.admin.post('/admin/accounts', {
          role: 'official',
          name: '无锡审核',
          phone: '13700000088',
          password: 'Review2022',
          jurisdictionCode: '320200',
          department: '无锡市工业和信息化局',
          reviewLevel: 'city',
        });
        return firstSignIn(t.url, '13700000088', 'Review2022');
      })();
      const reference = (prefix: string | null, skip: number) => {
        const q = dataSource.getRepository(PassEntity).createQueryBuilder('p').select('p.id', 'id');
        if (prefix) q.where('(p.routing_county LIKE :prefix OR p.issuer_code LIKE :prefix)', { prefix: `${prefix}%` });
        return q
          .orderBy('p.issued_at', 'DESC')
          .addOrderBy('p.id', 'DESC')
          .offset(skip)
          .limit(20)
          .getRawMany<{ id: string }>();
      };
      const cases = [
        [as.districtOfficial, '320115'],
        [as.cityOfficial, '3201'],
        [wuxiOfficial, '3202'],
        [await provinceOfficial(), '32'],
        [as.admin, null],
      ] as const;
      for (const [client, prefix] of cases) {
        const first = (await client.get('/passes?limit=20')).body;
        const second = (await client.get(`/passes?limit=20&cursor=${encodeURIComponent(first.nextCursor)}`)).body;
        expect({ prefix, ids: [...pageIds(first), ...pageIds(second)] }).toEqual({
          prefix,
          ids: [...(await reference(prefix, 0)), ...(await reference(prefix, 20))].map((r) => r.id),
        });
        expect(first.items).toHaveLength(20);
      }
    });
  });

  it('statistics: the days that are over from their kept counts, today from an index, equal to a count', async () => {
    const cases = [
      [as.districtOfficial, '320115'],
      [as.cityOfficial, '3201'],
      [await provinceOfficial(), '32'],
      [as.admin, null],
    ] as const;
    for (const [client, prefix] of cases) {
      // The first request writes the past days' counts (a day's passes each, once); the next reads them.
      const first = (await client.get('/stats')).body;
      const body = await expectIndexed(client, '/stats', [], 300);
      expect(body.issuedPerDay).toEqual(first.issuedPerDay);
      const q = dataSource
        .getRepository(PassEntity)
        .createQueryBuilder('p')
        .select('p.issued_at', 'issuedAt')
        .addSelect('p.material_category', 'category')
        .where('p.issued_at >= :start AND p.issued_at < :end', {
          start: new Date(`${body.from}T00:00:00+08:00`),
          end: new Date(new Date(`${body.to}T00:00:00+08:00`).getTime() + 86_400_000),
        });
      if (prefix) q.andWhere('(p.routing_county LIKE :prefix OR p.issuer_code LIKE :prefix)', { prefix: `${prefix}%` });
      const perDay = new Map<string, number>();
      const perCategory = new Map<string, number>();
      for (const row of await q.getRawMany<{ issuedAt: string | Date; category: string }>()) {
        const day = new Date(sqlDateTime(row.issuedAt).getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
        perDay.set(day, (perDay.get(day) ?? 0) + 1);
        perCategory.set(row.category, (perCategory.get(row.category) ?? 0) + 1);
      }
      expect(perDay.size).toBeGreaterThan(20);
      expect({ prefix, perDay: body.issuedPerDay }).toEqual({
        prefix,
        perDay: [...perDay].sort(([x], [y]) => (x < y ? -1 : 1)).map(([date, count]) => ({ date, count })),
      });
      expect(
        Object.fromEntries(
          body.issuedPerCategory.map((c: { category: string; count: number }) => [c.category, c.count]),
        ),
      ).toEqual(Object.fromEntries(perCategory));
    }
  });

  it('enterprises, clone alerts and the audit log', async () => {
    await expectIndexed(as.districtOfficial, '/enterprises', ['idx_enterprises_district']);
    // A city's share of this small table is large: the optimizer may read it whole, within the list's 1,000.
    await expectIndexed(as.cityOfficial, '/enterprises?pending=true', [], 1_000, true);
    await expectIndexed(as.admin, '/alerts/clones', ['idx_clone_alerts_open'], 1_000);
    await expectIndexed(as.admin, '/admin/audit', ['idx_audit_log_created'], 500);
    // One type or action in five: MariaDB may read idx_audit_log_type/_action, or the time order of
    // idx_audit_log_created until 200 match (about 1,000 rows). Either is bounded; a whole-table sort is not.
    await expectIndexed(as.admin, '/admin/audit?entityType=pass', [], 1_200);
    await expectIndexed(as.admin, '/admin/audit?action=pass.update', [], 1_200);
  });
});
