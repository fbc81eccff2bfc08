import type { EntityManager } from 'typeorm';

/** Told of an event (`args`) inside the transaction (`manager`) that causes it. */
export type TransactionListener<Args extends unknown[]> = (manager: EntityManager, ...args: Args) => Promise<void>;

/**
 * What a lower module tells the higher ones of an event, inside the transaction that causes it: they
 * register at start (a lower module may not call them, docs/architecture.md), and are told one after
 * another, so that a failure of any rolls the whole change back.
 */
export class TransactionListeners<Args extends unknown[]> {
  private readonly listeners: TransactionListener<Args>[] = [];

  add(listener: TransactionListener<Args>): void {
    this.listeners.push(listener);
  }

  async tell(manager: EntityManager, ...args: Args): Promise<void> {
    for (const listener of this.listeners) await listener(manager, ...args);
  }
}
