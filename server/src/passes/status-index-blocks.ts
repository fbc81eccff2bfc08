import { AsyncLocalStorage } from 'node:async_hooks';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { nextCounterValue, reserveCounterValues } from './counters.js';

/** Indexes one reservation takes; a new one starts when half of them are handed out. */
export const statusIndexBlockSize = 64;
const counterName = 'status-index';

/**
 * Gives each new pass its index in the revocation status list without a global lock across issuance.
 *
 * Indexes come from the `status-index` counter in blocks, each reserved in a short transaction of its
 * own (locked, advanced by a block, committed), and are then handed out from memory. Indexes need to be
 * unique, not gapless: an index no pass got (a block left when the process stops, an issuance rolled
 * back after it took one) is a bit of the list that stays 0 and that no token names, so a checkpoint
 * never reads it; a process that stops leaves at most a block and a half unused (96 indexes, 24 bytes
 * of list). The list's size is the counter, which a block moves before any of its indexes is handed
 * out, so it covers every issued pass's index.
 *
 * When no reserved index is left (the first issuance of a process, or a burst faster than the
 * reservation) one index is taken in the caller's transaction, the counter row locked until it
 * commits, as before blocks: correct, only slower, and it never waits for a reservation, which would
 * need a second connection while the caller holds one (a pool full of such callers would stall).
 */
@Injectable()
export class StatusIndexBlocks {
  private readonly logger = new Logger('StatusIndexBlocks');
  private readonly reserved: number[] = [];
  private reserving?: Promise<void>;
  /**
   * Runs work in the context this service was built in, outside any request's transaction: on SQLite
   * a reservation started inside the issuing transaction would otherwise count as part of it
   * (serialiseSqlite tracks the holder through AsyncLocalStorage) and open a transaction inside it.
   */
  private readonly outsideTransactions = AsyncLocalStorage.snapshot();

  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async take(manager: EntityManager): Promise<number> {
    const index = this.reserved.shift();
    if (this.reserved.length <= statusIndexBlockSize / 2) this.reserveInBackground();
    return index ?? (await nextCounterValue(manager, counterName)) - 1;
  }

  private reserveInBackground(): void {
    if (this.reserving) return;
    this.reserving = this.outsideTransactions(() =>
      this.dataSource.transaction((manager) => reserveCounterValues(manager, counterName, statusIndexBlockSize)),
    )
      .then((first) => {
        for (let i = 0; i < statusIndexBlockSize; i++) this.reserved.push(first - 1 + i);
      })
      .catch((error: Error) => this.logger.warn(`状态列表序号预留失败，将逐个分配：${error.message}`))
      .finally(() => {
        this.reserving = undefined;
      });
  }
}
