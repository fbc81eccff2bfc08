import { type RegisterListQuery, registerListQuerySchema, type SearchTerm, z } from '@pass/shared';
import { IdParam } from '../common/api-body.js';
import { CurrentActor, type RequestActor } from './auth.decorators.js';
import { Input, Route } from './route.decorators.js';

/** The service behind a registered record's routes: every method is scoped to the caller's enterprise. */
export interface RecordsService<Body, View> {
  /** `search`: what the fleet manager typed in the list's search box (a plate's or a name's beginning). */
  list(actor: RequestActor, search?: SearchTerm): Promise<View[]>;
  create(actor: RequestActor, input: Body): Promise<View>;
  get(actor: RequestActor, id: string): Promise<View>;
  update(actor: RequestActor, id: string, input: Body): Promise<View>;
  remove(actor: RequestActor, id: string): Promise<void>;
}

/** What the routes say of one kind of record: the summary of each, the body it is written with and its view. */
export interface RecordRoutesSpec<Body, View> {
  summaries: Record<keyof RecordsService<Body, View>, string>;
  input: z.ZodType<Body>;
  view: z.ZodType<View>;
}

/**
 * The five routes of a record a fleet manager registers once and picks in applications later (vehicles,
 * drivers): list, register, read, change, delete. A controller extends the class this returns, adds its
 * `@Controller`, `@Roles` and `@ApiTags` and any route of its own, and hands its service to `super`.
 */
export function RecordRoutes<Body, View>({ summaries, input, view }: RecordRoutesSpec<Body, View>) {
  // The handlers return what `view` describes by this function's signature; checking it again per route
  // (`ReturnsWhat`) cannot be done for a type parameter, so the routes see the schemas as plain ones.
  const one: z.ZodType = view;
  const many: z.ZodType = z.array(view);
  abstract class RecordRoutesBase {
    constructor(readonly records: RecordsService<Body, View>) {}

    @Route.get({ summary: summaries.list, response: many, query: registerListQuerySchema })
    list(@CurrentActor() actor: RequestActor, @Input() query: RegisterListQuery): Promise<View[]> {
      return this.records.list(actor, query.q);
    }

    @Route.post({ summary: summaries.create, response: one, body: input })
    create(@CurrentActor() actor: RequestActor, @Input() body: Body): Promise<View> {
      return this.records.create(actor, body);
    }

    @Route.get(':id', { summary: summaries.get, response: one })
    get(@CurrentActor() actor: RequestActor, @IdParam() id: string): Promise<View> {
      return this.records.get(actor, id);
    }

    @Route.put(':id', { summary: summaries.update, response: one, body: input })
    update(@CurrentActor() actor: RequestActor, @IdParam() id: string, @Input() body: Body): Promise<View> {
      return this.records.update(actor, id, body);
    }

    @Route.delete(':id', { summary: summaries.remove, status: 204 })
    remove(@CurrentActor() actor: RequestActor, @IdParam() id: string): Promise<void> {
      return this.records.remove(actor, id);
    }
  }
  return RecordRoutesBase;
}
