import { Inject, Injectable } from '@nestjs/common';
import {
  buildStatusListBits,
  encodeBase64,
  PassTokenStatus,
  type SignedDocument,
  type StatusListUpdate,
} from '@pass/shared';
import { DataSource, type EntityManager, In, MoreThan } from 'typeorm';
import { SigningKeysService } from '../signing/signing-keys.service.js';
import { CounterEntity } from './counter.entity.js';
import { nextCounterValue } from './counters.js';
import { PassEntity } from './pass.entity.js';
import { PassStatusChangeEntity } from './pass-status-change.entity.js';

/** Deltas longer than this are sent as the full list, which is then smaller or about as small. */
const maxDeltaChanges = 10_000;

const codeOf = { revoked: PassTokenStatus.Revoked, superseded: PassTokenStatus.Superseded } as const;

/** The revocation status list checkpoints carry offline: 2 bits per pass, full or as a delta, signed. */
@Injectable()
export class StatusListService {
  /**
   * The ended passes as of one version of the list. Every revocation or supersession moves the version
   * in its own transaction (`recordChange`), so at an unchanged version the set is the same: the full
   * list then costs two indexed point reads instead of reading every ended pass (issue 18). Passes
   * issued since only grow `size`, and their entries are 0 (valid) anyway.
   */
  private ended?: { version: number; entries: ReadonlyArray<readonly [number, PassTokenStatus]> };

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly keys: SigningKeysService,
  ) {}

  /** Called in the transaction that revokes or supersedes the pass, so list and passes never disagree. */
  async recordChange(manager: EntityManager, statusIndex: number, status: 'revoked' | 'superseded'): Promise<void> {
    const version = await nextCounterValue(manager, 'status-list-version');
    await manager.insert(PassStatusChangeEntity, {
      version,
      statusIndex,
      status: codeOf[status],
      createdAt: new Date(),
    });
  }

  async update(since?: number): Promise<StatusListUpdate> {
    // One transaction, so the version, the size and the entries come from the same moment.
    return this.dataSource.transaction(async (manager) => {
      const generatedAt = new Date().toISOString();
      const [latest] = await manager.find(PassStatusChangeEntity, { order: { version: 'DESC' }, take: 1 });
      const version = latest?.version ?? 0;
      const counter = await manager.findOneBy(CounterEntity, { name: 'status-index' });
      const size = counter ? counter.nextValue - 1 : 0;
      if (since !== undefined && since >= 0 && since <= version && version - since <= maxDeltaChanges) {
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
      }
      const bits = buildStatusListBits(size, await this.endedAt(manager, version));
      return { kind: 'full', version, generatedAt, size, bits: encodeBase64(bits) };
    });
  }

  /** Must run in the transaction that read `version`, so that both come from the same snapshot. */
  private async endedAt(
    manager: EntityManager,
    version: number,
  ): Promise<ReadonlyArray<readonly [number, PassTokenStatus]>> {
    if (this.ended?.version === version) return this.ended.entries;
    const ended = await manager.find(PassEntity, {
      select: { statusIndex: true, status: true },
      where: { status: In(['revoked', 'superseded']) },
    });
    const entries = ended.map((p) => [p.statusIndex, codeOf[p.status as keyof typeof codeOf]] as const);
    // A slower request may finish after a newer one: keep the newest version.
    if (!this.ended || this.ended.version < version) this.ended = { version, entries };
    return entries;
  }

  async signedUpdate(since?: number): Promise<SignedDocument> {
    return this.keys.signDocument(await this.update(since));
  }
}
