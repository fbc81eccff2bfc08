import type { DataSource, EntitySubscriberInterface } from 'typeorm';

export interface StepCounts {
  waiting: number;
  overdue: number;
  escalated: number;
}

/** Counted again when older than this; until then answered from memory. */
const freshMs = 2_000;
/** While a new count runs, an older one is answered up to this age; beyond it the request waits. */
const maxAgeMs = 10_000;

/**
 * The review counters of each step (jurisdiction and level), kept a few seconds per process. Counting
 * a district's waiting applications reads every one of them from an index (65k at 1M rows, 200 ms
 * under load), and every official's home asks for them. Any write to an application in this process
 * drops every count at once (after the write and again after its transaction commits), so an
 * official sees their own decision at once; other processes' writes show within `freshMs`, and
 * `overdue`/`escalated`, which change with time alone, within `maxAgeMs` at worst.
 */
export class StepCountsCache {
  private readonly counts = new Map<string, { at: number; value: StepCounts }>();
  private readonly running = new Map<string, Promise<StepCounts>>();
  private generation = 0;

  /** `applications`: the entity whose writes change the counts (ReviewQueueQueries passes it). */
  constructor(dataSource: DataSource, applications: new () => object) {
    let written = false;
    const drop = () => {
      written = true;
      this.generation++;
      this.counts.clear();
      this.running.clear();
    };
    const subscriber: EntitySubscriberInterface = {
      listenTo: () => applications,
      afterInsert: drop,
      afterUpdate: drop,
      afterRemove: drop,
      afterTransactionCommit: () => {
        if (written) drop();
        written = false;
      },
      afterTransactionRollback: () => {
        written = false;
      },
    };
    dataSource.subscribers.push(subscriber);
  }

  async get(jurisdiction: string, level: string, count: () => Promise<StepCounts>): Promise<StepCounts> {
    const key = `${jurisdiction}|${level}`;
    const cached = this.counts.get(key);
    const age = cached ? Date.now() - cached.at : Number.POSITIVE_INFINITY;
    if (cached && age < freshMs) return cached.value;
    let running = this.running.get(key);
    if (!running) {
      const generation = this.generation;
      const startedAt = Date.now();
      running = count().finally(() => {
        if (this.running.get(key) === running) this.running.delete(key);
      });
      running.then(
        (value) => {
          if (generation === this.generation) this.counts.set(key, { at: startedAt, value });
        },
        () => {},
      );
      this.running.set(key, running);
    }
    return cached && age < maxAgeMs ? cached.value : running;
  }
}
