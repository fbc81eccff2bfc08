import { Inject, Injectable } from '@nestjs/common';
import { PassTokenStatus } from '@pass/shared';
import { DataSource, type EntityManager, In, MoreThan } from 'typeorm';
import { CounterEntity } from './counter.entity.js';
import { PassEntity } from './pass.entity.js';
import { PassStatusChangeEntity } from './pass-status-change.entity.js';

/**
 * Another process's revocation shows here within this long (plus one refresh's round trip): the copy is
 * read again, as a delta since its version, when a request finds it older. docs/scaling.md §6.7.
 */
export const statusSnapshotMaxAgeMs = 1_000;

/** A change recorded in this process but not yet seen committed is waited for this long at most (a rollback). */
const pendingChangeWaitMs = 2_000;

/** More changes than this since the copy's version: read the ended passes again instead of the changes. */
const maxDeltaRows = 50_000;

export const statusCodeOf = { revoked: PassTokenStatus.Revoked, superseded: PassTokenStatus.Superseded } as const;

/** The status list as of one version: what online verification and the full list answer from. */
export interface StatusSnapshot {
  readonly version: number;
  /** Status indexes handed out (in reserved blocks) when it was read; the published list's size. */
  readonly size: number;
  /** When it was read (taken before the read began, so never later than what it shows). */
  readonly readAt: Date;
  /** 2 bits per index as published; at least `ceil(size / 4)` bytes, zero (valid) past `size`. */
  readonly bits: Uint8Array;
}

/**
 * This process's copy of the status list, kept current by version (issue 18: no database query on the
 * verification hot path). 2 bits a pass: 1M passes cost 250 KB. Read in full once (the ended passes, by
 * `idx_passes_status`), then as deltas of `pass_status_changes` after its version, whose versions
 * become visible in order (§6.4), so a delta never skips a change.
 */
@Injectable()
export class StatusSnapshots {
  private copy?: { version: number; size: number; readAt: Date; bits: Uint8Array };
  private refreshing?: Promise<void>;
  /** A version this process recorded (revocation, supersession) that the copy must reach once committed. */
  private pending = { version: 0, until: 0 };

  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** The copy, read again first when older than the bound or behind a change this process made. */
  async current(): Promise<StatusSnapshot> {
    for (;;) {
      const copy = this.copy;
      const now = Date.now();
      const behind = copy && copy.version < this.pending.version && now < this.pending.until;
      if (copy && !behind && now - copy.readAt.getTime() <= statusSnapshotMaxAgeMs) return copy;
      // A refresh already running may have begun before the change committed: loop until one shows it.
      await this.refresh();
      if (this.copy && !(this.copy.version < this.pending.version && Date.now() < this.pending.until)) {
        return this.copy;
      }
    }
  }

  /**
   * The copy read again now (a pass issued after it was read; the published full list): by a read that
   * begins after this call, so it shows everything committed before it.
   */
  async refreshed(): Promise<StatusSnapshot> {
    const running = this.refreshing;
    if (running) await running.catch(() => undefined);
    await this.refresh();
    return this.copy as StatusSnapshot;
  }

  /** Called with the version a status change took in the caller's transaction (before it commits). */
  expect(version: number): void {
    this.pending = { version: Math.max(this.pending.version, version), until: Date.now() + pendingChangeWaitMs };
  }

  private refresh(): Promise<void> {
    this.refreshing ??= this.read().finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  private async read(): Promise<void> {
    const readAt = new Date();
    // One transaction: the version, the size and the entries come from the same snapshot.
    await this.dataSource.transaction(async (manager) => {
      const [latest] = await manager.find(PassStatusChangeEntity, { order: { version: 'DESC' }, take: 1 });
      const version = latest?.version ?? 0;
      const counter = await manager.findOneBy(CounterEntity, { name: 'status-index' });
      const size = counter ? counter.nextValue - 1 : 0;
      const copy = this.copy;
      if (copy && version === copy.version) {
        this.copy = { ...copy, size, readAt, bits: withCapacity(copy.bits, size) };
      } else if (copy && version > copy.version && version - copy.version <= maxDeltaRows) {
        const changes = await manager.find(PassStatusChangeEntity, {
          select: { statusIndex: true, status: true },
          where: { version: MoreThan(copy.version) },
          order: { version: 'ASC' },
        });
        // A new array: a request still holding the previous snapshot keeps a consistent one.
        const bits = withCapacity(copy.bits, size, true);
        for (const change of changes) setStatus(bits, change.statusIndex, change.status as PassTokenStatus);
        this.copy = { version, size, readAt, bits };
      } else {
        this.copy = { version, size, readAt, bits: await readAll(manager, size) };
      }
    });
  }
}

async function readAll(manager: EntityManager, size: number): Promise<Uint8Array> {
  const ended = await manager.find(PassEntity, {
    select: { statusIndex: true, status: true },
    where: { status: In(['revoked', 'superseded']) },
  });
  const bits = withCapacity(new Uint8Array(0), size);
  for (const p of ended) setStatus(bits, p.statusIndex, statusCodeOf[p.status as keyof typeof statusCodeOf]);
  return bits;
}

/**
 * The same bytes when they hold `size` indexes (and no copy is asked for), else a copy with room to
 * grow by half again, so that issuing does not copy 250 KB at every block of indexes.
 */
function withCapacity(bits: Uint8Array, size: number, copy = false): Uint8Array {
  const needed = Math.ceil(size / 4);
  if (bits.length >= needed && !copy) return bits;
  const grown = new Uint8Array(
    Math.max(needed, bits.length < needed ? Math.ceil(bits.length * 1.5) : bits.length, 1024),
  );
  grown.set(bits);
  return grown;
}

function setStatus(bits: Uint8Array, index: number, status: PassTokenStatus): void {
  if (!Number.isInteger(index) || index < 0 || index >> 2 >= bits.length) return;
  const shift = 2 * (index & 3);
  bits[index >> 2] = (bits[index >> 2]! & ~(3 << shift)) | ((status & 3) << shift);
}
