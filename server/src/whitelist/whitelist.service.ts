import { Inject, Injectable } from '@nestjs/common';
import {
  ErrorCode,
  findUnsafeCharacter,
  unsafeCharacterMessage,
  validateCreditCode,
  type WhitelistBatch,
  type WhitelistEntryView,
  type WhitelistImportReport,
  type WhitelistQuery,
} from '@pass/shared';
import { DataSource, type EntityManager, In, IsNull } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { RequestActor } from '../auth/auth.decorators.js';
import { DomainException } from '../common/domain.exception.js';
import { endInForce } from '../database/in-force.js';
import { writeLock } from '../database/locks.js';
import { whereContains } from '../database/text-search.js';
import { FederationService } from '../federation/federation.service.js';
import { parseCsv } from './csv.js';
import { ownSource, WhitelistEntryEntity } from './whitelist-entry.entity.js';
import { type RecognitionEndedListener, WhitelistRecognition } from './whitelist-recognition.js';

interface RejectedRow {
  line: number;
  creditCode: string;
  reason: string;
}

interface WhitelistRow {
  line: number;
  creditCode: string;
  name: string;
  remove: boolean;
}

@Injectable()
export class WhitelistService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly federation: FederationService,
    private readonly recognition: WhitelistRecognition,
  ) {}

  /**
   * Imports one batch. Every row is checked first; if any is refused, nothing is written and the
   * error lists each bad row and why, so a corrected file can simply be imported again.
   */
  async import(actor: RequestActor, batch: string, csv: string): Promise<WhitelistImportReport> {
    const { rows, rejected } = this.parse(csv);
    if (rejected.length > 0) {
      throw new DomainException(
        ErrorCode.ValidationFailed,
        `名单中有${rejected.length}行有误，整批未导入，请修改后重新导入`,
        rejected.map((r) => ({ path: `第${r.line}行 ${r.creditCode}`.trim(), message: r.reason })),
      );
    }
    if (rows.length === 0) throw new DomainException(ErrorCode.ValidationFailed, '名单中没有企业');
    const report: WhitelistImportReport = { batch, added: 0, updated: 0, removed: 0 };
    await this.dataSource.transaction(async (manager) => {
      const existing = new Map(
        (
          await manager.findBy(WhitelistEntryEntity, {
            creditCode: In(rows.map((r) => r.creditCode)),
            sourceRegion: ownSource,
          })
        ).map((e) => [e.creditCode, e]),
      );
      const now = new Date();
      for (const row of rows) {
        const entry = existing.get(row.creditCode);
        if (row.remove) {
          if (entry && !entry.removedAt) {
            await manager.save(Object.assign(entry, { removedAt: now, batch }));
            report.removed++;
          }
          continue;
        }
        if (entry) {
          await manager.save(Object.assign(entry, { enterpriseName: row.name, batch, removedAt: null }));
          report.updated++;
        } else {
          await manager.save(
            manager.create(WhitelistEntryEntity, {
              creditCode: row.creditCode,
              enterpriseName: row.name,
              batch,
              removedAt: null,
              sourceRegion: ownSource,
            }),
          );
          report.added++;
        }
      }
      await this.audit.record(manager, actor, {
        action: 'whitelist.import',
        entityType: 'whitelist',
        entityId: batch.slice(0, 36),
        after: { ...report },
      });
    });
    return report;
  }

  /** Which of these credit codes are on the whitelist now: this province's, or a recognised one of a trusted issuer. */
  async listedAmong(creditCodes: string[], manager: EntityManager = this.dataSource.manager): Promise<Set<string>> {
    return new Set((await this.sourcesOf(creditCodes, manager)).keys());
  }

  /**
   * Whether the enterprise is on the whitelist now, and through whose list: `source` null for this
   * province's own (preferred), else the region of the trusted issuer whose list is recognised. Inside
   * the caller's transaction: that issuer's row stays locked until it ends, so a suspension waits, then
   * sees the application written with this answer.
   */
  async standing(creditCode: string, manager: EntityManager): Promise<{ whitelisted: boolean; source: string | null }> {
    const source = (await this.sourcesOf([creditCode], manager, true)).get(creditCode);
    return { whitelisted: source !== undefined, source: source || null };
  }

  /** Registered at start by applications: a recognised whitelist's priority ends (see WhitelistRecognition). */
  onRecognitionEnded(listener: RecognitionEndedListener): void {
    this.recognition.onEnded(listener);
  }

  /** Each listed credit code with the source of its listing: '' (own), else an active issuer's region. */
  private async sourcesOf(creditCodes: string[], manager: EntityManager, lock = false): Promise<Map<string, string>> {
    if (creditCodes.length === 0) return new Map();
    const rows = await manager.find(WhitelistEntryEntity, {
      select: { creditCode: true, sourceRegion: true },
      where: { creditCode: In(creditCodes), removedAt: IsNull() },
    });
    const own = new Set(rows.filter((r) => r.sourceRegion === ownSource).map((r) => r.creditCode));
    const foreign = rows
      .filter((r) => r.sourceRegion !== ownSource && !own.has(r.creditCode))
      .sort((x, y) => x.sourceRegion.localeCompare(y.sourceRegion));
    const regions = [...new Set(foreign.map((r) => r.sourceRegion))];
    const active = await this.federation.activeRegionsAmong(manager, regions, lock);
    // With the issuers' rows locked, their entries again as they are now, not as this transaction's
    // snapshot saw them: an import or a removal of such a list locks the same rows first.
    const recognised =
      lock && active.size > 0
        ? await manager.find(WhitelistEntryEntity, {
            select: { creditCode: true, sourceRegion: true },
            where: { creditCode: In(creditCodes), sourceRegion: In([...active].sort()), removedAt: IsNull() },
            order: { sourceRegion: 'ASC' },
            lock: writeLock(manager),
          })
        : foreign;
    const sources = new Map<string, string>([...own].map((code) => [code, ownSource]));
    for (const row of recognised) {
      if (!sources.has(row.creditCode) && active.has(row.sourceRegion)) sources.set(row.creditCode, row.sourceRegion);
    }
    return sources;
  }

  /** Entries in force, newest first, by batch and by a part of the name or credit code. */
  async list(query: WhitelistQuery): Promise<WhitelistEntryView[]> {
    const builder = this.dataSource
      .getRepository(WhitelistEntryEntity)
      .createQueryBuilder('w')
      .where('w.removed_at IS NULL')
      .andWhere('w.source_region = :own', { own: ownSource })
      .orderBy('w.updated_at', 'DESC')
      .addOrderBy('w.credit_code', 'ASC')
      .take(500);
    if (query.batch) builder.andWhere('w.batch = :batch', { batch: query.batch });
    if (query.q) whereContains(builder, ['w.enterprise_name', 'w.credit_code'], query.q);
    return (await builder.getMany()).map((e) => ({
      creditCode: e.creditCode,
      enterpriseName: e.enterpriseName,
      batch: e.batch,
      updatedAt: e.updatedAt.toISOString(),
    }));
  }

  /** The batches with the number of their entries still in force. */
  async batches(): Promise<WhitelistBatch[]> {
    const rows: { batch: string; count: string | number }[] = await this.dataSource
      .getRepository(WhitelistEntryEntity)
      .createQueryBuilder('w')
      .select('w.batch', 'batch')
      .addSelect('COUNT(*)', 'count')
      .where('w.removed_at IS NULL')
      .andWhere('w.source_region = :own', { own: ownSource })
      .groupBy('w.batch')
      .orderBy('w.batch', 'ASC')
      .getRawMany();
    return rows.map((r) => ({ batch: r.batch, count: Number(r.count) }));
  }

  /** Takes one enterprise off the whitelist; the row stays for the history. */
  async remove(actor: RequestActor, creditCode: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const entry = await endInForce(
        manager,
        WhitelistEntryEntity,
        { creditCode, sourceRegion: ownSource },
        'removedAt',
        '该企业不在白名单中',
      );
      await this.audit.record(manager, actor, {
        action: 'whitelist.remove',
        entityType: 'whitelist',
        entityId: creditCode,
        before: { enterpriseName: entry.enterpriseName, batch: entry.batch },
      });
    });
  }

  private parse(csv: string): { rows: WhitelistRow[]; rejected: RejectedRow[] } {
    const rows: WhitelistRow[] = [];
    const rejected: RejectedRow[] = [];
    const seen = new Map<string, number>();
    for (const [index, cells] of parseCsv(csv).entries()) {
      const line = index + 1;
      const [rawCode = '', name = '', action = ''] = cells.map((c) => c.trim());
      if (!rawCode && !name && !action) continue;
      if (index === 0 && rawCode.includes('信用代码')) continue;
      const code = validateCreditCode(rawCode);
      const problem = code.ok ? rowProblem(name, action, seen.get(code.value)) : code.message;
      if (problem || !code.ok) {
        rejected.push({ line, creditCode: rawCode, reason: problem ?? '' });
        continue;
      }
      seen.set(code.value, line);
      rows.push({ line, creditCode: code.value, name, remove: action === '移出' });
    }
    return { rows, rejected };
  }
}

function rowProblem(name: string, action: string, earlierLine: number | undefined): string | undefined {
  if (name.length < 2 || name.length > 100) return '企业名称应为2至100个字';
  // Names reach officials' screens and CSV exports: the same rule as every typed name.
  const unsafe = findUnsafeCharacter(name);
  if (unsafe) return unsafeCharacterMessage('企业名称', unsafe);
  if (!['', '加入', '移出'].includes(action)) return '操作应为“加入”或“移出”';
  if (earlierLine) return `与第${earlierLine}行重复`;
  return undefined;
}
