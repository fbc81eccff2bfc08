import { Inject, Injectable } from '@nestjs/common';
import {
  type AccountListQuery,
  type AccountView,
  type AuthTokens,
  ErrorCode,
  type FleetManagerRegistration,
  type PasswordChange,
  Role,
  type StaffAccountRequest,
  type StaffAccountUpdate,
  staffPasswordProblem,
} from '@pass/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { type AuditRecord, AuditService } from '../audit/audit.service.js';
import type { RequestActor } from '../auth/auth.decorators.js';
import { TokensService } from '../auth/tokens.service.js';
import { CheckpointsService } from '../checkpoints/checkpoints.service.js';
import { DomainException } from '../common/domain.exception.js';
import { isUniqueViolation, refusingDuplicates } from '../database/errors.js';
import { writeLock } from '../database/locks.js';
import { switchStamp } from '../database/stamps.js';
import { placeholders, type ReadingStatement } from '../database/statements.js';
import { whereContains } from '../database/text-search.js';
import { EnterprisesService } from '../enterprises/enterprises.service.js';
import { SettingsService } from '../settings/settings.service.js';
import { AccountEntity } from './account.entity.js';
import { toAccountView } from './account.view.js';
import { hashPassword, verifyPassword } from './password.js';

const scopeOf = (a: AccountEntity) => ({
  name: a.name,
  phone: a.phone,
  jurisdictionCode: a.jurisdictionCode,
  department: a.department,
  reviewLevel: a.reviewLevel,
  checkpointId: a.checkpointId,
});

@Injectable()
export class AccountsService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly settings: SettingsService,
    private readonly tokens: TokensService,
    private readonly checkpoints: CheckpointsService,
    private readonly enterprises: EnterprisesService,
  ) {}

  async view(id: string): Promise<AccountView> {
    const account = await this.dataSource.getRepository(AccountEntity).findOneBy({ id });
    if (!account) throw new DomainException(ErrorCode.Unauthenticated);
    return toAccountView(account);
  }

  /**
   * Who is told of a change, read in the caller's transaction: an enterprise's fleet managers, the
   * officials of some jurisdictions (at one level or all), or given accounts. Disabled accounts are left out.
   */
  async recipients(manager: EntityManager, audience: Audience): Promise<Recipient[]> {
    const statement = this.recipientsStatement(audience);
    return statement ? statement.read(await manager.query(statement.sql, statement.params)) : [];
  }

  /**
   * recipients' query, for a caller that sends it with other statements in one round trip
   * (readStatements); null when the audience is an empty list, which names nobody.
   */
  recipientsStatement(audience: Audience): ReadingStatement<Recipient[]> | null {
    // A plain statement, not the query builder: every approval runs it (the fleet managers told of the
    // pass), and building the query cost more CPU than running it (docs/scaling.md §4.3).
    let where: string;
    let values: string[];
    if ('enterpriseId' in audience) {
      where = 'role = ? AND enterprise_id = ?';
      values = [Role.FleetManager, audience.enterpriseId];
    } else if ('jurisdictionCodes' in audience) {
      if (audience.jurisdictionCodes.length === 0) return null;
      where = `role = ? AND jurisdiction_code IN (${placeholders(audience.jurisdictionCodes)})`;
      values = [Role.Official, ...audience.jurisdictionCodes];
      if (audience.level) {
        where += ' AND review_level = ?';
        values.push(audience.level);
      }
    } else {
      if (audience.accountIds.length === 0) return null;
      where = `id IN (${placeholders(audience.accountIds)})`;
      values = [...audience.accountIds];
    }
    return {
      sql: `SELECT id, phone, wechat_openid FROM accounts WHERE disabled_at IS NULL AND ${where} ORDER BY id`,
      params: values,
      read: (rows) =>
        (rows as { id: string; phone: string; wechat_openid: string | null }[]).map((a) => ({
          id: a.id,
          phone: a.phone,
          wechatOpenid: a.wechat_openid,
        })),
    };
  }

  /** Staff and fleet managers, by role and by a part of the name or phone number. */
  async list(query: AccountListQuery = {}): Promise<AccountView[]> {
    const builder = this.dataSource
      .getRepository(AccountEntity)
      .createQueryBuilder('a')
      .orderBy({ 'a.created_at': 'ASC', 'a.id': 'ASC' })
      .take(500);
    if (query.role) builder.andWhere('a.role = :role', { role: query.role });
    if (query.q) whereContains(builder, ['a.name', 'a.phone'], query.q);
    return (await builder.getMany()).map(toAccountView);
  }

  /** Changes the scope or contact of a staff account; fields that do not apply to its role are ignored. */
  async update(actor: RequestActor, id: string, changes: StaffAccountUpdate): Promise<AccountView> {
    return this.writeUnique(async (manager) => {
      const account = await this.staffAccount(manager, id);
      const before = scopeOf(account);
      if (changes.name !== undefined) account.name = changes.name;
      if (changes.phone !== undefined) account.phone = changes.phone;
      if (account.role === Role.Official) {
        if (changes.jurisdictionCode !== undefined) account.jurisdictionCode = changes.jurisdictionCode;
        if (changes.department !== undefined) account.department = changes.department;
        if (changes.reviewLevel !== undefined) account.reviewLevel = changes.reviewLevel;
      }
      if (account.role === Role.CheckpointStaff && changes.checkpointId !== undefined) {
        await this.assertCheckpointInService(manager, changes.checkpointId);
        account.checkpointId = changes.checkpointId;
      }
      // A new scope must not ride on tokens issued for the old one.
      return this.saveSignedOut(manager, actor, account, { action: 'account.update', before, after: scopeOf(account) });
    });
  }

  /** Stops (or restarts) an account; a stopped one loses its sessions at once. */
  async setDisabled(actor: RequestActor, id: string, disabled: boolean): Promise<AccountView> {
    if (disabled && id === actor.id) throw new DomainException(ErrorCode.Conflict, '不能停用自己的账号');
    return this.dataSource.transaction(async (manager) => {
      const account = await this.staffAccount(manager, id, true);
      const change = switchStamp(account, 'disabledAt', disabled, 'disabled');
      const saved = await manager.save(account);
      if (disabled) await this.tokens.revokeAll(id, manager);
      const action = disabled ? 'account.disable' : 'account.enable';
      await this.audit.record(manager, actor, { action, entityType: 'account', entityId: id, ...change });
      return toAccountView(saved);
    });
  }

  /** Sets a temporary password; the holder must replace it at the next sign-in. */
  async resetPassword(actor: RequestActor, id: string, password: string): Promise<AccountView> {
    await this.assertStaffPassword(password, 'password');
    const hash = await hashPassword(password);
    return this.dataSource.transaction(async (manager) => {
      const account = await this.staffAccount(manager, id, true);
      account.passwordHash = hash;
      account.mustChangePassword = true;
      const after = { mustChangePassword: true };
      return this.saveSignedOut(manager, actor, account, { action: 'account.reset_password', after });
    });
  }

  /** The holder replaces their password (required after an admin reset it). */
  async changePassword(accountId: string, change: PasswordChange): Promise<AccountEntity> {
    const repo = this.dataSource.getRepository(AccountEntity);
    const account = await repo.findOneBy({ id: accountId });
    if (!account) throw new DomainException(ErrorCode.Unauthenticated);
    if (!(await verifyPassword(change.currentPassword, account.passwordHash))) {
      throw new DomainException(ErrorCode.ValidationFailed, '原密码错误', [
        { path: 'currentPassword', message: '原密码错误' },
      ]);
    }
    if (change.currentPassword === change.newPassword) {
      throw new DomainException(ErrorCode.ValidationFailed, '新密码不能与原密码相同', [
        { path: 'newPassword', message: '新密码不能与原密码相同' },
      ]);
    }
    if (account.role !== Role.FleetManager) await this.assertStaffPassword(change.newPassword, 'newPassword');
    account.passwordHash = await hashPassword(change.newPassword);
    account.mustChangePassword = false;
    account.passwordChangedAt = new Date();
    return repo.save(account);
  }

  private async staffAccount(manager: EntityManager, id: string, anyRole = false): Promise<AccountEntity> {
    const account = await manager.findOne(AccountEntity, { where: { id }, lock: writeLock(manager) });
    if (!account) throw new DomainException(ErrorCode.NotFound, '账号不存在');
    if (!anyRole && account.role === Role.FleetManager) {
      throw new DomainException(ErrorCode.Conflict, '车队管理员的信息由其本人维护');
    }
    return account;
  }

  /**
   * 等保: a staff password expires after the province's period; the holder then must choose a new one
   * before any work (the app's role guard sends them to the password page).
   */
  async applyPasswordExpiry(account: AccountEntity): Promise<void> {
    if (account.role === Role.FleetManager || account.mustChangePassword) return;
    const { passwordExpiryDays } = (await this.settings.current()).security;
    if (passwordExpiryDays === null) return;
    const since = account.passwordChangedAt ?? account.createdAt;
    if (Date.now() - since.getTime() < passwordExpiryDays * 86_400_000) return;
    account.mustChangePassword = true;
    await this.dataSource.getRepository(AccountEntity).update({ id: account.id }, { mustChangePassword: true });
  }

  /** A staff session unused longer than the province allows has ended. */
  async idleTimeoutMs(account: AccountEntity): Promise<number | null> {
    if (account.role === Role.FleetManager) return null;
    return (await this.settings.current()).security.idleTimeoutMinutes * 60_000;
  }

  private async assertStaffPassword(password: string, path: string): Promise<void> {
    const problem = staffPasswordProblem(password, (await this.settings.current()).security);
    if (problem) throw new DomainException(ErrorCode.ValidationFailed, problem, [{ path, message: problem }]);
  }

  private async assertCheckpointInService(manager: EntityManager, checkpointId: string): Promise<void> {
    if (!(await this.checkpoints.inService(checkpointId, manager))) {
      throw new DomainException(ErrorCode.ValidationFailed, '卡口不存在或已停用', [
        { path: 'checkpointId', message: '卡口不存在或已停用' },
      ]);
    }
  }

  /** Sign-up of an enterprise with its first fleet manager; it may apply once an official verifies it. */
  async register(request: FleetManagerRegistration): Promise<AuthTokens> {
    const passwordHash = await hashPassword(request.manager.password);
    try {
      return await this.dataSource.transaction(async (manager) => {
        const enterprise = await this.enterprises.createUnverified(manager, request.enterprise);
        const account = await manager.save(
          manager.create(AccountEntity, {
            role: Role.FleetManager,
            name: request.manager.name,
            phone: request.manager.phone,
            passwordHash,
            enterpriseId: enterprise.id,
            jurisdictionCode: null,
            department: null,
            reviewLevel: null,
            checkpointId: null,
            wechatOpenid: null,
          }),
        );
        await this.audit.record(manager, null, {
          action: 'enterprise.register',
          entityType: 'enterprise',
          entityId: enterprise.id,
          after: { creditCode: enterprise.creditCode, name: enterprise.name, managerPhone: account.phone },
        });
        return this.tokens.issue(toAccountView(account), manager);
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      throw (await this.enterprises.creditCodeTaken(request.enterprise.creditCode))
        ? new DomainException(ErrorCode.DuplicateEnterprise)
        : new DomainException(ErrorCode.Conflict, '该手机号码已注册');
    }
  }

  /** Officials, checkpoint staff and admins are created by an admin; fleet managers sign up themselves. */
  async createStaff(actor: RequestActor, request: StaffAccountRequest): Promise<AccountView> {
    await this.assertStaffPassword(request.password, 'password');
    if (request.role === Role.CheckpointStaff) {
      await this.assertCheckpointInService(this.dataSource.manager, request.checkpointId);
    }
    const repo = this.dataSource.getRepository(AccountEntity);
    const account = repo.create({
      role: request.role,
      name: request.name,
      phone: request.phone,
      passwordHash: await hashPassword(request.password),
      enterpriseId: null,
      jurisdictionCode: request.role === Role.Official ? request.jurisdictionCode : null,
      department: request.role === Role.Official ? request.department : null,
      reviewLevel: request.role === Role.Official ? request.reviewLevel : null,
      checkpointId: request.role === Role.CheckpointStaff ? request.checkpointId : null,
      wechatOpenid: null,
      // The admin chose this password: its holder replaces it at the first sign-in.
      mustChangePassword: true,
    });
    return this.writeUnique(async (manager) => {
      const saved = await manager.save(account);
      const view = toAccountView(saved);
      await this.audit.record(manager, actor, {
        action: 'account.create',
        entityType: 'account',
        entityId: saved.id,
        after: {
          role: view.role,
          name: view.name,
          phone: view.phone,
          jurisdictionCode: view.jurisdictionCode,
          reviewLevel: view.reviewLevel,
          checkpointId: view.checkpointId,
        },
      });
      return view;
    });
  }

  /** Saves a changed account, ends its sessions (their tokens carry what changed) and records the change. */
  private async saveSignedOut(
    manager: EntityManager,
    actor: RequestActor,
    account: AccountEntity,
    change: Pick<AuditRecord, 'action' | 'before' | 'after'>,
  ): Promise<AccountView> {
    const saved = await manager.save(account);
    await this.tokens.revokeAll(account.id, manager);
    await this.audit.record(manager, actor, { ...change, entityType: 'account', entityId: account.id });
    return toAccountView(saved);
  }

  /** A write in one transaction; a phone number already registered is a 409. */
  private writeUnique<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return refusingDuplicates(() => this.dataSource.transaction(work), ErrorCode.Conflict, '该手机号码已注册');
  }
}

/** Whom a notification is for (see AccountsService.recipients). */
export type Audience =
  | { enterpriseId: string }
  | { jurisdictionCodes: string[]; level?: string }
  | { accountIds: string[] };

export interface Recipient {
  id: string;
  phone: string;
  wechatOpenid: string | null;
}
