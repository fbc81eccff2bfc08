import { Inject, Injectable } from '@nestjs/common';
import { encodeBase64, PassTokenStatus, type SignedDocument, type StatusListUpdate } from '@pass/shared';
import { DataSource, type EntityManager, MoreThan } from 'typeorm';
import { SigningKeysService } from '../signing/signing-keys.service.js';
import { CounterEntity } from './counter.entity.js';
import { nextCounterValue } from './counters.js';
import { PassStatusChangeEntity } from './pass-status-change.entity.js';
import { type StatusSnapshot, StatusSnapshots, statusCodeOf } from './status-snapshots.js';

/** Deltas longer than this are sent as the full list, which is then smaller or about as small. */
const maxDeltaChanges = 10_000;

/** A signed full list is sent again for this long at most: its `generatedAt` tells devices how fresh it is. */
const signedFullListMaxAgeMs = 60_000;

/** The revocation status list checkpoints carry offline: 2 bits per pass, full or as a delta, signed. */
@Injectable()
export class StatusListService {
  /**
   * The signed full list of the newest snapshot (issue 18: ≤ 20 ms at 1M passes). Each request reads
   * the version and the size again (two indexed point reads, and the changes since, if any), so the
   * list covers every pass issued and every change committed before it, in any process. A revocation
   * or supersession moves the version, and issuing moves the size, so either makes a new one; so does
   * age, so that `generatedAt` stays within a minute.
   */
  private signedFull?: { version: number; size: number; until: number; document: Promise<SignedDocument> };

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly keys: SigningKeysService,
    private readonly snapshots: StatusSnapshots,
  ) {}

  /** Called in the transaction that revokes or supersedes the pass, so list and passes never disagree. */
  async recordChange(manager: EntityManager, statusIndex: number, status: 'revoked' | 'superseded'): Promise<void> {
    const version = await nextCounterValue(manager, 'status-list-version');
    await manager.insert(PassStatusChangeEntity, {
      version,
      statusIndex,
      status: statusCodeOf[status],
      createdAt: new Date(),
    });
    // This process's copy reads it again as soon as it is asked for after the commit.
    this.snapshots.expect(version);
  }

  /** The ended passes' statuses as of a version no older than `statusSnapshotMaxAgeMs`, from memory. */
  statusSnapshot(): Promise<StatusSnapshot> {
    return this.snapshots.current();
  }

  /** The same, read again now: for a pass issued after the copy was read. */
  refreshedStatusSnapshot(): Promise<StatusSnapshot> {
    return this.snapshots.refreshed();
  }

  async update(since?: number): Promise<StatusListUpdate> {
    return (since === undefined ? undefined : await this.delta(since)) ?? this.full(await this.snapshots.refreshed());
  }

  /** The changes after `since`; undefined when the full list is the answer (unknown or too old a version). */
  private delta(since: number): Promise<StatusListUpdate | undefined> {
    // One transaction, so the version, the size and the entries come from the same moment.
    return this.dataSource.transaction(async (manager) => {
      const generatedAt = new Date().toISOString();
      const [latest] = await manager.find(PassStatusChangeEntity, { order: { version: 'DESC' }, take: 1 });
      const version = latest?.version ?? 0;
      if (!(since >= 0 && since <= version && version - since <= maxDeltaChanges)) return undefined;
      const counter = await manager.findOneBy(CounterEntity, { name: 'status-index' });
      const size = counter ? counter.nextValue - 1 : 0;
      const changes = await manager.find(PassStatusChangeEntity, {
        where: { version: MoreThan(since) },
        order: { version: 'ASC' },
      });
      return {
        kind: 'delta',
        since,
        version,
        generatedAt,
        size,
        changes: changes.map((c) => [c.statusIndex, c.status as PassTokenStatus] as const),
      };
    });
  }

  /** Packed from the snapshot at once: a later delta may replace its bytes. */
  private full(snapshot: StatusSnapshot): StatusListUpdate {
    const { version, size, readAt, bits } = snapshot;
    return {
      kind: 'full',
      version,
      generatedAt: readAt.toISOString(),
      size,
      bits: encodeBase64(bits.subarray(0, Math.ceil(size / 4))),
    };
  }

  async signedUpdate(since?: number): Promise<SignedDocument> {
    const delta = since === undefined ? undefined : await this.delta(since);
    if (delta) return this.keys.signDocument(delta);
    const snapshot = await this.snapshots.refreshed();
    const cached = this.signedFull;
    if (cached && cached.version === snapshot.version && cached.size === snapshot.size && cached.until > Date.now()) {
      return cached.document;
    }
    const document = this.keys.signDocument(this.full(snapshot));
    this.signedFull = {
      version: snapshot.version,
      size: snapshot.size,
      until: Date.now() + signedFullListMaxAgeMs,
      document,
    };
    document.catch(() => {
      if (this.signedFull?.document === document) this.signedFull = undefined;
    });
    return document;
  }
}
