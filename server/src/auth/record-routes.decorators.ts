import type { RegisterListQuery, SearchTerm } from '@pass/shared';
import type { RequestActor } from './auth.decorators.js';

/** The service behind a registered record's routes: every method is scoped to the caller's enterprise. */
export interface RecordsService<Body, View> {
  /** `search`: what the fleet manager typed in the list's search box (a plate's or a name's beginning). */
  list(actor: RequestActor, search?: SearchTerm): Promise<View[]>;
  create(actor: RequestActor, input: Body): Promise<View>;
  get(actor: RequestActor, id: string): Promise<View>;
  update(actor: RequestActor, id: string, input: Body): Promise<View>;
  remove(actor: RequestActor, id: string): Promise<void>;
}

type Call<Input = never> = { actor: RequestActor; id: string; input: Input };

/**
 * The handlers of a record a fleet manager registers once and picks in applications later (vehicles,
 * drivers), for `ServiceRoutes` with the five operations the contract gives it (`recordOperations` in
 * `@pass/shared`): list, register, read, change, delete.
 */
export const recordHandlers = <Body, View>() => ({
  list: (records: RecordsService<Body, View>, { actor, input }: Omit<Call<RegisterListQuery>, 'id'>) =>
    records.list(actor, input.q),
  create: (records: RecordsService<Body, View>, { actor, input }: Omit<Call<Body>, 'id'>) =>
    records.create(actor, input),
  get: (records: RecordsService<Body, View>, { actor, id }: Omit<Call, 'input'>) => records.get(actor, id),
  update: (records: RecordsService<Body, View>, { actor, id, input }: Call<Body>) => records.update(actor, id, input),
  remove: (records: RecordsService<Body, View>, { actor, id }: Omit<Call, 'input'>) => records.remove(actor, id),
});
