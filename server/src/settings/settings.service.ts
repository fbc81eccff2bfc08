import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import {
  ErrorCode,
  type ProvinceSettings,
  type ProvinceSettingsDocument,
  type ProvinceSettingsUpdate,
  provinceSettingsSchema,
} from '@pass/shared';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { RequestActor } from '../auth/auth.decorators.js';
import { DomainException } from '../common/domain.exception.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { isUniqueViolation } from '../database/errors.js';
import { lockGuard } from '../database/lock-guard.js';
import { writeLock } from '../database/locks.js';
import { ProvinceSettingsVersionEntity } from './province-settings-version.entity.js';

/**
 * How long a process trusts the version it has before asking the database again. Every process sees
 * an admin's change within this time, without a restart; the check is one indexed primary-key read.
 */
const recheckMs = 1_000;

const toDocument = (row: ProvinceSettingsVersionEntity): ProvinceSettingsDocument => {
  // Versions saved before a rule existed read as its default.
  const parsed = provinceSettingsSchema.safeParse(row.document);
  return {
    version: row.version,
    updatedAt: row.createdAt.toISOString(),
    settings: parsed.success ? parsed.data : row.document,
  };
};

/** The province's rules, read from the database; the environment's preset only seeds version 1. */
@Injectable()
export class SettingsService implements OnModuleInit {
  private cached: ProvinceSettingsDocument | undefined;
  private checkedAt = 0;
  private pending: Promise<ProvinceSettingsDocument> | undefined;

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
  ) {}

  async onModuleInit(): Promise<void> {
    const repo = this.dataSource.getRepository(ProvinceSettingsVersionEntity);
    if (await repo.existsBy({ version: 1 })) return;
    try {
      await repo.insert({ version: 1, document: this.config.province, createdAt: new Date(), createdBy: null });
    } catch (error) {
      // Another server process seeded it at the same moment.
      if (!isUniqueViolation(error)) throw error;
    }
  }

  /** The rules in force now. */
  async current(): Promise<ProvinceSettings> {
    return (await this.document()).settings;
  }

  async document(): Promise<ProvinceSettingsDocument> {
    if (this.cached && Date.now() - this.checkedAt < recheckMs) return this.cached;
    this.pending ??= this.refresh().finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  async history(): Promise<ProvinceSettingsDocument[]> {
    const rows = await this.dataSource
      .getRepository(ProvinceSettingsVersionEntity)
      .find({ order: { version: 'DESC' }, take: 100 });
    return rows.map(toDocument);
  }

  /** A new version on top of the current one, with its audit entry, in one transaction. */
  async update(actor: RequestActor, update: ProvinceSettingsUpdate): Promise<ProvinceSettingsDocument> {
    try {
      const saved = await this.dataSource.transaction(async (manager) => {
        // One change at a time, taken first: a locking read of the newest row alone leaves the gap
        // above it shared, and two changes inserting into it deadlock on MariaDB.
        await lockGuard(manager, 'settings');
        const latest = await manager.findOne(ProvinceSettingsVersionEntity, {
          where: {},
          order: { version: 'DESC' },
          lock: writeLock(manager),
        });
        if (!latest) throw new DomainException(ErrorCode.Internal);
        if (update.version !== undefined && update.version !== latest.version) {
          throw new DomainException(ErrorCode.StaleVersion, '设置已被他人修改，请刷新后再改');
        }
        const row = manager.create(ProvinceSettingsVersionEntity, {
          version: latest.version + 1,
          document: update.settings,
          createdAt: new Date(),
          createdBy: actor.id,
        });
        await manager.insert(ProvinceSettingsVersionEntity, row);
        await this.audit.record(manager, actor, {
          action: 'settings.update',
          entityType: 'settings',
          entityId: String(row.version),
          before: latest.document as unknown as Record<string, unknown>,
          after: update.settings as unknown as Record<string, unknown>,
        });
        return row;
      });
      this.cached = toDocument(saved);
      this.checkedAt = Date.now();
      return this.cached;
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new DomainException(ErrorCode.StaleVersion, '设置已被他人修改，请刷新后再改');
      }
      throw error;
    }
  }

  private async refresh(): Promise<ProvinceSettingsDocument> {
    const repo = this.dataSource.getRepository(ProvinceSettingsVersionEntity);
    const head = await repo.find({ select: { version: true }, order: { version: 'DESC' }, take: 1 });
    const version = head[0]?.version;
    if (version === undefined) throw new DomainException(ErrorCode.Internal);
    if (this.cached?.version !== version) {
      this.cached = toDocument(await repo.findOneByOrFail({ version }));
    }
    this.checkedAt = Date.now();
    return this.cached;
  }
}
