import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import {
  ErrorCode,
  type ImportWhitelistRequest,
  type RecognisedWhitelistView,
  regionFullName,
  type SignedDocument,
  type WhitelistExport,
  whitelistExportSchema,
} from '@pass/shared';
import { DataSource, type EntityManager, IsNull } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { RequestActor } from '../auth/auth.decorators.js';
import { DomainException, notFound } from '../common/domain.exception.js';
import { type TransactionListener, TransactionListeners } from '../common/transaction-listeners.js';
import { lockGuard } from '../database/lock-guard.js';
import { FederationService } from '../federation/federation.service.js';
import { RecognisedWhitelistEntity } from './recognised-whitelist.entity.js';
import { ownSource, WhitelistEntryEntity } from './whitelist-entry.entity.js';

/** Told inside the transaction that ends a recognised whitelist (removed, or its issuer suspended or removed). */
type RecognitionEnded = [sourceRegion: string];
export type RecognitionEndedListener = TransactionListener<RecognitionEnded>;

const insertChunk = 400;

const invalid = (reason: string) => new DomainException(ErrorCode.WhitelistExportInvalid, `白名单文件无效：${reason}`);

/** 江苏省 for 320000: how officials see the source (白名单（江苏省互认）). */
const sourceName = (region: string) => regionFullName(region) ?? region;

/**
 * 白名单互认 (docs/pass-token.md §9): this province's whitelist exported, signed with its issuer key;
 * other provinces' exports imported when signed by an issuer trusted here and not suspended. Their
 * entries go into `whitelist_entries` under the issuer's region, so the queue's whitelist flag, set at
 * submission, needs no other table; each import replaces the previous one from the same issuer.
 */
@Injectable()
export class WhitelistRecognition implements OnModuleInit {
  private readonly ended = new TransactionListeners<RecognitionEnded>();

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly federation: FederationService,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    // A suspended issuer's entries stay (reinstating restores them) but count no more; a removed
    // issuer's go with it. Either way the applications they ranked first lose the priority.
    this.federation.onTrustEnded(async (manager, region, removed) => {
      if (removed) await this.deleteRecognised(manager, region);
      await this.ended.tell(manager, region);
    });
  }

  onEnded(listener: RecognitionEndedListener): void {
    this.ended.add(listener);
  }

  /** `GET /api/federation/whitelist`: this province's own entries in force, signed as its issuer. */
  async exportOwn(now = new Date()): Promise<SignedDocument> {
    const rows = await this.dataSource.manager.find(WhitelistEntryEntity, {
      select: { creditCode: true, enterpriseName: true },
      where: { sourceRegion: ownSource, removedAt: IsNull() },
      order: { creditCode: 'ASC' },
    });
    const body: WhitelistExport = {
      format: 'pass-whitelist/1',
      ...this.federation.issuerStamp(now),
      entries: rows.map((r) => ({ creditCode: r.creditCode, enterpriseName: r.enterpriseName })),
    };
    return this.federation.signAsIssuer(body, now);
  }

  async list(): Promise<RecognisedWhitelistView[]> {
    const rows = await this.dataSource.manager.find(RecognisedWhitelistEntity, { order: { issuerRegion: 'ASC' } });
    return rows.map(viewOf);
  }

  /**
   * Imports another province's export, pasted or fetched from its trusted issuer's address. Refused
   * unless an imported, unsuspended issuer signed it for its own region; an export older than the one
   * held is refused too (a replay). The previous entries of that issuer are replaced in one transaction.
   */
  async import(actor: RequestActor, request: ImportWhitelistRequest): Promise<RecognisedWhitelistView> {
    const signed =
      request.document ?? (await this.federation.fetchFromIssuer(request.issuerId!, (d) => d.whitelistUrl));
    const opened = await this.federation.openForeignDocument(signed);
    if (!opened) throw invalid('签名无法用任何已导入签发方的密钥验证');
    if (request.issuerId && opened.issuerId !== request.issuerId) throw invalid('不是由所选签发方签名');
    const parsed = whitelistExportSchema.safeParse(opened.body);
    if (!parsed.success) throw invalid('格式不正确');
    const exported = parsed.data;
    if (exported.issuerRegion !== opened.issuerRegion) throw invalid('文件中的辖区与签名的签发方不符');
    const codes = new Set(exported.entries.map((e) => e.creditCode));
    if (codes.size !== exported.entries.length) throw invalid('同一统一社会信用代码出现多次');
    const region = opened.issuerRegion;

    return this.dataSource.transaction(async (manager) => {
      await lockGuard(manager, `whitelist-recognition:${region}`);
      // Locks the issuer's row: a suspension waits for this import, and none can slip in before it.
      await this.federation.assertTrusted(manager, region);
      const held = await manager.findOneBy(RecognisedWhitelistEntity, { issuerRegion: region });
      const exportedAt = new Date(exported.generatedAt);
      if (held && held.exportedAt > exportedAt) {
        throw new DomainException(ErrorCode.Conflict, `已导入${opened.issuerName}更新的白名单，不能以较早的文件替换`);
      }
      await manager.delete(WhitelistEntryEntity, { sourceRegion: region });
      const batch = `互认 ${exported.generatedAt.slice(0, 10)}`;
      const entries = exported.entries.map((e) =>
        manager.create(WhitelistEntryEntity, {
          creditCode: e.creditCode,
          enterpriseName: e.enterpriseName,
          batch,
          removedAt: null,
          sourceRegion: region,
        }),
      );
      for (let i = 0; i < entries.length; i += insertChunk)
        await manager.insert(WhitelistEntryEntity, entries.slice(i, i + insertChunk));
      const row = await manager.save(
        Object.assign(held ?? manager.create(RecognisedWhitelistEntity, { issuerRegion: region }), {
          issuerName: opened.issuerName,
          exportedAt,
          entryCount: entries.length,
        }),
      );
      await this.audit.record(manager, actor, {
        action: 'whitelist.recognition.import',
        entityType: 'recognised_whitelist',
        entityId: row.id,
        before: held ? { entryCount: held.entryCount, exportedAt: held.exportedAt.toISOString() } : null,
        after: {
          issuerRegion: region,
          issuerName: opened.issuerName,
          entryCount: entries.length,
          exportedAt: exported.generatedAt,
        },
      });
      return viewOf(row);
    });
  }

  /** Stops recognising a province's whitelist: its entries go, and so does the priority they gave. */
  async remove(actor: RequestActor, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const found = await manager.findOneBy(RecognisedWhitelistEntity, { id });
      if (!found) throw notFound('未找到该互认白名单');
      await lockGuard(manager, `whitelist-recognition:${found.issuerRegion}`);
      // The issuer's row, as a submission locks it before reading this list's entries (whitelist.service).
      await this.federation.activeRegionsAmong(manager, [found.issuerRegion], true);
      const row = await manager.findOneBy(RecognisedWhitelistEntity, { id });
      if (!row) throw notFound('未找到该互认白名单');
      await this.deleteRecognised(manager, row.issuerRegion);
      await this.ended.tell(manager, row.issuerRegion);
      await this.audit.record(manager, actor, {
        action: 'whitelist.recognition.remove',
        entityType: 'recognised_whitelist',
        entityId: id,
        before: { issuerRegion: row.issuerRegion, issuerName: row.issuerName, entryCount: row.entryCount },
      });
    });
  }

  private async deleteRecognised(manager: EntityManager, region: string): Promise<void> {
    await manager.delete(WhitelistEntryEntity, { sourceRegion: region });
    await manager.delete(RecognisedWhitelistEntity, { issuerRegion: region });
  }
}

function viewOf(row: RecognisedWhitelistEntity): RecognisedWhitelistView {
  return {
    id: row.id,
    issuerRegion: row.issuerRegion,
    issuerName: row.issuerName,
    sourceName: sourceName(row.issuerRegion),
    entryCount: row.entryCount,
    exportedAt: row.exportedAt.toISOString(),
    importedAt: row.updatedAt.toISOString(),
  };
}
