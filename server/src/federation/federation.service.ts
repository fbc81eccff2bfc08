import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import {
  buildStatusListBits,
  decodeBase64,
  ErrorCode,
  type FederatedIssuer,
  type FederationBundle,
  federationStaleAfterHours,
  type ImportIssuerRequest,
  type IssuerDocument,
  issuerDocumentSchema,
  issuerTrustList,
  jurisdictionCovers,
  keyFingerprint,
  openIssuerDocument,
  openSignedDocument,
  type PassTokenStatus,
  type SignedDocument,
  type StatusListUpdate,
  statusAt,
  statusListUpdateSchema,
  type TrustedIssuerView,
} from '@pass/shared';
import { DataSource, type EntityManager, In } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { RequestActor } from '../auth/auth.decorators.js';
import { DomainException, notFound } from '../common/domain.exception.js';
import { type TransactionListener, TransactionListeners } from '../common/transaction-listeners.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { isUniqueViolation } from '../database/errors.js';
import { lockGuard } from '../database/lock-guard.js';
import { writeLock } from '../database/locks.js';
import { DepartmentsService } from '../departments/departments.service.js';
import { SigningKeysService } from '../signing/signing-keys.service.js';
import { fetchSignedDocument, IssuerFetchError } from './issuer-fetch.js';
import { TrustedIssuerEntity } from './trusted-issuer.entity.js';
import { TrustedIssuerStatusEntity } from './trusted-issuer-status.entity.js';

const parseIssuerBody = (json: unknown): IssuerDocument | undefined => {
  const parsed = issuerDocumentSchema.safeParse(json);
  return parsed.success ? parsed.data : undefined;
};

/** How long a process keeps the trusted issuers for online verdicts; a change here drops it at once. */
const issuersCacheMs = 5_000;
const insertChunk = 500;

/**
 * Told inside the transaction that suspends (`removed` false) or removes an issuer: higher modules
 * registered at start end what they built on its trust (the whitelist recognised from it).
 */
type TrustEnded = [issuerRegion: string, removed: boolean];
export type TrustEndedListener = TransactionListener<TrustEnded>;

/** A document a trusted issuer signed, with who that issuer is and whether it is trusted now. */
export interface OpenedForeignDocument {
  issuerId: string;
  issuerRegion: string;
  issuerName: string;
  active: boolean;
  body: unknown;
}

/**
 * The federation of issuers (全国互认, docs/pass-token.md §9): publishes this deployment's signed issuer
 * document, imports other provinces' documents (trusted only when the fingerprint typed by the admin
 * matches the signing key), refreshes them and their status lists on a schedule, and hands verification
 * and checkpoints the trusted issuers' trust lists and status lists.
 */
@Injectable()
export class FederationService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Federation');
  private timer?: NodeJS.Timeout;
  private cachedIssuers?: { issuers: FederatedIssuer[]; until: number };
  private readonly trustEnded = new TransactionListeners<TrustEnded>();

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly keys: SigningKeysService,
    private readonly departments: DepartmentsService,
    private readonly audit: AuditService,
  ) {}

  onApplicationBootstrap(): void {
    const minutes = this.config.federationSyncMinutes;
    if (minutes <= 0) return;
    this.timer = setInterval(() => void this.syncAll(), minutes * 60_000);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** `GET /api/federation/issuer`: this deployment as another imports it, signed with the current key. */
  async issuerDocument(now = new Date()): Promise<SignedDocument> {
    const key = await this.keys.signingKey(now);
    const stamp = this.issuerStamp(now);
    const base = this.config.publicBaseUrl;
    const publicKey = decodeBase64(key.publicKey);
    if (!publicKey) throw new Error(`Key ${key.kid}: public key is not base64`);
    const body: IssuerDocument = {
      format: 'pass-issuer/1',
      ...stamp,
      documentUrl: `${base}/api/federation/issuer`,
      statusListUrl: `${base}/api/verification/status-list`,
      passPageUrl: base,
      whitelistUrl: `${base}/api/federation/whitelist`,
      trustList: await this.keys.trustList(now),
      // Only this issuer's jurisdiction: an importer refuses a document naming departments outside it.
      departments: (await this.departments.trustListEntries()).filter((d) =>
        jurisdictionCovers(stamp.issuerRegion, d.regionCode),
      ),
      fingerprint: keyFingerprint(publicKey),
    };
    return this.keys.signDocument(body, key);
  }

  notFound(): DomainException {
    return notFound('未找到该签发方');
  }

  async list(): Promise<TrustedIssuerView[]> {
    const rows = await this.dataSource.manager.find(TrustedIssuerEntity, { order: { issuerRegion: 'ASC' } });
    return rows.map((row) => viewOf(row));
  }

  /** Imports another issuer: trusted only when `fingerprint` is that of the key that signed the document. */
  async importIssuer(actor: RequestActor, request: ImportIssuerRequest): Promise<TrustedIssuerView> {
    const saved = await this.saveImported(actor, request);
    // The status list at once, so its passes show revocations from the first scan. The import stands
    // whatever happens here: a failure is the issuer's sync error, and the schedule tries again.
    try {
      return (await this.syncIssuer(saved.id)) ?? viewOf(saved);
    } catch (error) {
      this.logger.warn(`导入后首次同步 ${saved.issuerName} 失败：${(error as Error).message}`);
      return viewOf(saved);
    }
  }

  private async saveImported(actor: RequestActor, request: ImportIssuerRequest): Promise<TrustedIssuerEntity> {
    const signed = request.document ?? (await this.fetchForImport(request.documentUrl!));
    const opened = openIssuerDocument(signed, parseIssuerBody);
    if (!opened.ok) throw new DomainException(ErrorCode.IssuerDocumentInvalid, `签发方文件无效：${opened.reason}`);
    if (opened.signerFingerprint !== request.fingerprint) {
      throw new DomainException(ErrorCode.FingerprintMismatch, undefined, [
        { path: 'fingerprint', message: '与签发方文件的签名密钥指纹不一致' },
      ]);
    }
    const { document } = opened;
    const own = this.config.signing.issuerRegion;
    if (jurisdictionCovers(own, document.issuerRegion) || jurisdictionCovers(document.issuerRegion, own)) {
      throw new DomainException(ErrorCode.ValidationFailed, '不能导入本签发系统或与本辖区重叠的签发方');
    }
    try {
      const saved = await this.dataSource.transaction(async (manager) => {
        await lockGuard(manager, 'federation:issuers');
        const existing = await manager.find(TrustedIssuerEntity);
        const overlapping = existing.find(
          (e) =>
            jurisdictionCovers(e.issuerRegion, document.issuerRegion) ||
            jurisdictionCovers(document.issuerRegion, e.issuerRegion),
        );
        if (overlapping) {
          throw new DomainException(
            ErrorCode.Conflict,
            `辖区 ${overlapping.issuerRegion} 的签发方（${overlapping.issuerName}）已导入；如需更换请先移除`,
          );
        }
        const row = await manager.save(
          manager.create(TrustedIssuerEntity, {
            issuerRegion: document.issuerRegion,
            issuerName: document.issuerName,
            fingerprint: opened.signerFingerprint,
            status: 'active',
            document: JSON.stringify(signed),
            documentSyncedAt: new Date(),
            statusListSize: null,
            statusListVersion: null,
            statusGeneratedAt: null,
            statusSyncedAt: null,
            lastSyncError: null,
          }),
        );
        await this.audit.record(manager, actor, {
          action: 'federation.issuer.import',
          entityType: 'trusted_issuer',
          entityId: row.id,
          after: {
            issuerName: document.issuerName,
            issuerRegion: document.issuerRegion,
            fingerprint: opened.signerFingerprint,
            kids: document.trustList.keys.map((k) => k.kid),
          },
        });
        return row;
      });
      this.cachedIssuers = undefined;
      return saved;
    } catch (error) {
      if (isUniqueViolation(error)) throw new DomainException(ErrorCode.Conflict, '该辖区的签发方刚被他人导入，请刷新');
      throw error;
    }
  }

  async setStatus(actor: RequestActor, id: string, status: 'active' | 'suspended'): Promise<TrustedIssuerView> {
    const view = await this.dataSource.transaction(async (manager) => {
      const row = await this.lockedIssuer(manager, id);
      if (row.status === status) return viewOf(row);
      const before = row.status;
      row.status = status;
      await manager.save(row);
      if (status === 'suspended') await this.trustEnded.tell(manager, row.issuerRegion, false);
      await this.audit.record(manager, actor, {
        action: status === 'suspended' ? 'federation.issuer.suspend' : 'federation.issuer.reinstate',
        entityType: 'trusted_issuer',
        entityId: id,
        before: { status: before },
        after: { status, issuerName: row.issuerName, issuerRegion: row.issuerRegion },
      });
      return viewOf(row);
    });
    this.cachedIssuers = undefined;
    return view;
  }

  async remove(actor: RequestActor, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const row = await this.lockedIssuer(manager, id);
      await manager.delete(TrustedIssuerStatusEntity, { issuerId: id });
      // Deleting the row locks it first: a submission that locked it has committed before this goes on.
      await manager.delete(TrustedIssuerEntity, { id });
      await this.trustEnded.tell(manager, row.issuerRegion, true);
      await this.audit.record(manager, actor, {
        action: 'federation.issuer.remove',
        entityType: 'trusted_issuer',
        entityId: id,
        before: { issuerName: row.issuerName, issuerRegion: row.issuerRegion, fingerprint: row.fingerprint },
      });
    });
    this.cachedIssuers = undefined;
  }

  /** Registered at start by a module that builds on an issuer's trust (layers: it may not be called from here). */
  onTrustEnded(listener: TrustEndedListener): void {
    this.trustEnded.add(listener);
  }

  /** Who signs this deployment's documents (the issuer document, the whitelist export), and when: their common head. */
  issuerStamp(now: Date): { issuerName: string; issuerRegion: string; generatedAt: string } {
    const { issuerName, issuerRegion } = this.config.signing;
    return { issuerName, issuerRegion, generatedAt: now.toISOString() };
  }

  /** Signs `body` as this issuer (its current key), as the issuer document is signed. */
  async signAsIssuer(body: unknown, now = new Date()): Promise<SignedDocument> {
    return this.keys.signDocument(body, await this.keys.signingKey(now));
  }

  /**
   * Opens a document signed by an imported issuer (active or suspended: the caller decides), found by
   * the key that signed it; undefined when no imported issuer's key verifies the signature.
   */
  async openForeignDocument(signed: SignedDocument): Promise<OpenedForeignDocument | undefined> {
    const rows = await this.dataSource.manager.find(TrustedIssuerEntity);
    for (const row of rows) {
      const body = openSignedDocument<unknown>(signed, { generatedAt: '', keys: documentOf(row).trustList.keys });
      if (body !== undefined) {
        const { id, issuerRegion, issuerName } = row;
        return { issuerId: id, issuerRegion, issuerName, active: row.status === 'active', body };
      }
    }
    return undefined;
  }

  /** A document an active issuer publishes at an address of its issuer document (e.g. its whitelist export). */
  async fetchFromIssuer(
    id: string,
    address: (document: IssuerDocument) => string | undefined,
  ): Promise<SignedDocument> {
    const row = await this.dataSource.manager.findOneBy(TrustedIssuerEntity, { id });
    if (!row) throw this.notFound();
    if (row.status !== 'active') throw notTrusted(row.issuerName);
    const url = address(documentOf(row));
    if (!url) throw new DomainException(ErrorCode.IssuerUnreachable, `${row.issuerName}的签发方文件未公布该地址`);
    try {
      return await fetchSignedDocument(url);
    } catch (error) {
      if (!(error instanceof IssuerFetchError)) throw error;
      throw new DomainException(ErrorCode.IssuerUnreachable, error.message);
    }
  }

  /**
   * Which of `regions` are issuers trusted now. With `lock` (inside the caller's transaction) their rows
   * stay locked until it ends, so a suspension waits for it, then sees what it wrote.
   */
  async activeRegionsAmong(manager: EntityManager, regions: string[], lock = false): Promise<Set<string>> {
    if (regions.length === 0) return new Set();
    const rows = await manager.find(TrustedIssuerEntity, {
      select: { id: true, issuerRegion: true, status: true },
      where: { issuerRegion: In(regions) },
      lock: lock ? writeLock(manager) : undefined,
    });
    return new Set(rows.filter((r) => r.status === 'active').map((r) => r.issuerRegion));
  }

  /** Inside the caller's transaction: the issuer of `region` is trusted now and stays so until it ends. */
  async assertTrusted(manager: EntityManager, region: string): Promise<void> {
    if ((await this.activeRegionsAmong(manager, [region], true)).size === 0) {
      const row = await manager.findOneBy(TrustedIssuerEntity, { issuerRegion: region });
      throw notTrusted(row?.issuerName ?? `辖区 ${region} 的签发方`);
    }
  }

  /** On demand (admin) and on the schedule: every active issuer, one after the other. */
  async syncAll(): Promise<void> {
    const rows = await this.dataSource.manager.find(TrustedIssuerEntity, { where: { status: 'active' } });
    for (const row of rows) {
      try {
        await this.syncIssuer(row.id);
      } catch (error) {
        this.logger.warn(`同步签发方 ${row.issuerName} 失败：${(error as Error).message}`);
      }
    }
  }

  /**
   * Fetches the issuer's document (accepted only when signed by a key already trusted for it, for the
   * same region) and its status list (accepted only when signed by one of its keys). A failure leaves
   * the last accepted data in place and is recorded in `lastSyncError`; the data then ages, and
   * verification flags it as stale.
   */
  async syncIssuer(id: string): Promise<TrustedIssuerView | undefined> {
    const row = await this.dataSource.manager.findOneBy(TrustedIssuerEntity, { id });
    if (!row) return undefined;
    const current = documentOf(row);
    const errors: string[] = [];
    let next: { signed: SignedDocument; document: IssuerDocument; fingerprint: string } | undefined;
    try {
      const signed = await fetchSignedDocument(current.documentUrl);
      const opened = openIssuerDocument(signed, parseIssuerBody, { generatedAt: '', keys: current.trustList.keys });
      if (!opened.ok) errors.push(`签发方文件未更新：${opened.reason}`);
      else if (opened.document.issuerRegion !== row.issuerRegion) errors.push('签发方文件未更新：辖区与已导入的不同');
      else if (Date.parse(opened.document.generatedAt) >= Date.parse(current.generatedAt)) {
        next = { signed, document: opened.document, fingerprint: opened.signerFingerprint };
      }
    } catch (error) {
      if (!(error instanceof IssuerFetchError)) throw error;
      errors.push(error.message);
    }
    const document = next?.document ?? current;
    let update: StatusListUpdate | undefined;
    try {
      update = await this.fetchStatusUpdate(document, row.statusListVersion);
    } catch (error) {
      if (!(error instanceof IssuerFetchError)) throw error;
      errors.push(error.message);
    }
    const view = await this.dataSource.transaction(async (manager) => {
      const locked = await this.lockedIssuer(manager, id);
      // Another process may have stored a newer document or list since this one fetched.
      if (next && Date.parse(next.document.generatedAt) < Date.parse(documentOf(locked).generatedAt)) next = undefined;
      if (update && locked.statusListVersion !== null && update.version < locked.statusListVersion) update = undefined;
      if (next) {
        const changedKeys = next.fingerprint !== locked.fingerprint || keysOf(current) !== keysOf(next.document);
        locked.document = JSON.stringify(next.signed);
        locked.issuerName = next.document.issuerName;
        locked.fingerprint = next.fingerprint;
        locked.documentSyncedAt = new Date();
        if (changedKeys) {
          await this.audit.record(manager, null, {
            action: 'federation.issuer.update',
            entityType: 'trusted_issuer',
            entityId: id,
            before: { fingerprint: row.fingerprint, kids: current.trustList.keys.map((k) => k.kid) },
            after: { fingerprint: next.fingerprint, kids: next.document.trustList.keys.map((k) => k.kid) },
          });
        }
      }
      if (update) await this.applyStatusUpdate(manager, locked, update, errors);
      locked.lastSyncError = errors.length ? errors.join('；').slice(0, 300) : null;
      await manager.save(locked);
      return viewOf(locked);
    });
    this.cachedIssuers = undefined;
    return view;
  }

  /** Active issuers for verification, with their status lists (cached a few seconds per process). */
  async federatedIssuers(): Promise<FederatedIssuer[]> {
    const now = Date.now();
    if (this.cachedIssuers && this.cachedIssuers.until > now) return this.cachedIssuers.issuers;
    const issuers = await this.readIssuers();
    this.cachedIssuers = { issuers, until: now + issuersCacheMs };
    return issuers;
  }

  /** `GET /api/federation/bundle`: the trusted issuers for checkpoints, signed with this deployment's key. */
  async bundle(known: Record<string, number> = {}, now = new Date()): Promise<SignedDocument> {
    const issuers = await this.readIssuers();
    const rows = await this.dataSource.manager.find(TrustedIssuerEntity, { where: { status: 'active' } });
    const synced = new Map(rows.map((r) => [r.issuerRegion, r.statusSyncedAt?.toISOString() ?? null]));
    const body: FederationBundle = {
      generatedAt: now.toISOString(),
      issuers: issuers.map((issuer) => {
        const unchanged = issuer.statusList !== undefined && known[issuer.issuerRegion] === issuer.statusList.version;
        return {
          issuerName: issuer.issuerName,
          issuerRegion: issuer.issuerRegion,
          passPageUrl: issuer.passPageUrl,
          trustList: issuer.trustList,
          statusListUnchanged: unchanged,
          statusList:
            issuer.statusList && !unchanged
              ? {
                  version: issuer.statusList.version,
                  generatedAt: issuer.statusList.generatedAt,
                  bits: typeof issuer.statusList.bits === 'string' ? issuer.statusList.bits : '',
                }
              : null,
          statusSyncedAt: synced.get(issuer.issuerRegion) ?? null,
        };
      }),
    };
    return this.keys.signDocument(body, await this.keys.signingKey(now));
  }

  private async readIssuers(): Promise<FederatedIssuer[]> {
    const rows = await this.dataSource.manager.find(TrustedIssuerEntity, { where: { status: 'active' } });
    if (rows.length === 0) return [];
    const statuses = await this.dataSource.manager.find(TrustedIssuerStatusEntity, {
      where: { issuerId: In(rows.map((r) => r.id)) },
    });
    return rows.map((row) => {
      const document = documentOf(row);
      const entries = statuses
        .filter((s) => s.issuerId === row.id)
        .map((s) => [s.statusIndex, s.status as PassTokenStatus] as const);
      return {
        issuerName: row.issuerName,
        issuerRegion: row.issuerRegion,
        passPageUrl: document.passPageUrl,
        trustList: issuerTrustList(document),
        ...(row.statusListVersion !== null && row.statusGeneratedAt
          ? {
              statusList: {
                version: row.statusListVersion,
                generatedAt: row.statusGeneratedAt.toISOString(),
                bits: Buffer.from(buildStatusListBits(row.statusListSize ?? 0, entries)).toString('base64'),
              },
            }
          : {}),
      };
    });
  }

  private async fetchForImport(url: string): Promise<SignedDocument> {
    try {
      return await fetchSignedDocument(url);
    } catch (error) {
      if (!(error instanceof IssuerFetchError)) throw error;
      throw new DomainException(ErrorCode.IssuerUnreachable, `${error.message}；可改为粘贴签发方文件`);
    }
  }

  private async fetchStatusUpdate(document: IssuerDocument, since: number | null): Promise<StatusListUpdate> {
    const url = since === null ? document.statusListUrl : `${document.statusListUrl}?since=${since}`;
    const signed = await fetchSignedDocument(url);
    const body = openSignedDocument<unknown>(signed, { generatedAt: '', keys: document.trustList.keys });
    if (body === undefined) throw new IssuerFetchError('吊销状态表的签名无法用该签发方的密钥验证');
    const parsed = statusListUpdateSchema.safeParse(body);
    if (!parsed.success) throw new IssuerFetchError('吊销状态表格式不正确');
    return parsed.data as StatusListUpdate;
  }

  /** Applies a full list or a delta from the version held; a delta from another version is refused. */
  private async applyStatusUpdate(
    manager: EntityManager,
    row: TrustedIssuerEntity,
    update: StatusListUpdate,
    errors: string[],
  ): Promise<void> {
    if (update.kind === 'full') {
      const bits = decodeBase64(update.bits);
      if (!bits || bits.length < Math.ceil(update.size / 4)) {
        errors.push('吊销状态表长度与其声明的大小不符');
        return;
      }
      await manager.delete(TrustedIssuerStatusEntity, { issuerId: row.id });
      const ended: TrustedIssuerStatusEntity[] = [];
      for (let index = 0; index < update.size; index++) {
        if (bits[index >> 2] === 0) {
          index |= 3; // a zero byte holds four valid passes
          continue;
        }
        const status = statusAt(bits, index);
        if (status)
          ended.push(manager.create(TrustedIssuerStatusEntity, { issuerId: row.id, statusIndex: index, status }));
      }
      for (let i = 0; i < ended.length; i += insertChunk)
        await manager.insert(TrustedIssuerStatusEntity, ended.slice(i, i + insertChunk));
    } else {
      if (update.since !== row.statusListVersion) {
        errors.push(`吊销状态表增量自版本 ${update.since}，本机为 ${row.statusListVersion ?? '无'}，下次同步取全量`);
        row.statusListVersion = null;
        return;
      }
      for (const [statusIndex, status] of update.changes) {
        await manager.delete(TrustedIssuerStatusEntity, { issuerId: row.id, statusIndex });
        if (status !== 0) await manager.insert(TrustedIssuerStatusEntity, { issuerId: row.id, statusIndex, status });
      }
    }
    row.statusListSize = update.size;
    row.statusListVersion = update.version;
    row.statusGeneratedAt = new Date(update.generatedAt);
    row.statusSyncedAt = new Date();
  }

  private async lockedIssuer(manager: EntityManager, id: string): Promise<TrustedIssuerEntity> {
    await lockGuard(manager, `federation-issuer:${id}`);
    const row = await manager.findOneBy(TrustedIssuerEntity, { id });
    if (!row) throw notFound('未找到该签发方');
    return row;
  }
}

const notTrusted = (issuerName: string) =>
  new DomainException(ErrorCode.IssuerNotTrusted, `${issuerName}未被信任或已暂停信任`);

function documentOf(row: TrustedIssuerEntity): IssuerDocument {
  const signed = JSON.parse(row.document) as SignedDocument;
  return JSON.parse(signed.body) as IssuerDocument;
}

const keysOf = (document: IssuerDocument) =>
  document.trustList.keys
    .map((k) => `${k.kid}:${k.publicKey}:${k.validFrom}:${k.validTo}`)
    .sort()
    .join(',');

function viewOf(row: TrustedIssuerEntity): TrustedIssuerView {
  const document = documentOf(row);
  const statusAge = row.statusGeneratedAt ? Date.now() - row.statusGeneratedAt.getTime() : Number.POSITIVE_INFINITY;
  return {
    id: row.id,
    issuerName: row.issuerName,
    issuerRegion: row.issuerRegion,
    fingerprint: row.fingerprint,
    documentUrl: document.documentUrl,
    passPageUrl: document.passPageUrl,
    status: row.status,
    keyCount: document.trustList.keys.length,
    departments: document.departments,
    importedAt: row.createdAt.toISOString(),
    documentSyncedAt: row.documentSyncedAt.toISOString(),
    statusSyncedAt: row.statusSyncedAt?.toISOString() ?? null,
    statusListVersion: row.statusListVersion,
    stale: statusAge > federationStaleAfterHours * 3_600_000,
    lastSyncError: row.lastSyncError,
  };
}
