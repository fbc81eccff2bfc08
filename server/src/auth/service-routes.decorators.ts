import { Inject, type Type } from '@nestjs/common';
import type { Operation, z } from '@pass/shared';
import { IdParam } from '../common/api-body.js';
import { CurrentActor, type RequestActor } from './auth.decorators.js';
import { Endpoint, Input } from './endpoint.decorators.js';

/** What a table handler is given, as its operation has it: the caller, the path's `:id`, the body or query. */
export type CallOf<Op extends Operation> = (Op extends { public: true } ? unknown : { actor: RequestActor }) &
  (Op['path'] extends `${string}/:id${'' | `/${string}`}` ? { id: string } : unknown) &
  (Op extends { body: infer Body extends z.ZodType }
    ? { input: z.output<Body> }
    : Op extends { query: infer Query extends z.ZodType }
      ? { input: z.output<Query> }
      : unknown);

/** What it answers: the operation's response (as the service's view type), or nothing. */
// biome-ignore lint/suspicious/noConfusingVoidType: a 204 handler passes on a service's `Promise<void>`.
type AnswerOf<Op extends Operation> = Op extends { response: infer Schema extends z.ZodType } ? z.output<Schema> : void;

/** Handlers of some of an area's operations, each one line: which service call serves the operation. */
export type ServiceHandlers<Service, Operations extends Record<string, Operation>> = {
  [Key in keyof Operations]?: (
    service: Service,
    call: CallOf<Operations[Key]>,
  ) => Promise<AnswerOf<Operations[Key]>> | AnswerOf<Operations[Key]>;
};

type Slot = 'actor' | 'id' | 'input';

/**
 * A controller base whose handlers are a table: for each named operation of the contract, the call of
 * the one service that serves it. Most handlers only pass the caller, the path's id and the validated
 * input on to a service method; written as `@Endpoint` methods they were four lines each that differed
 * only in names. Here each is a line, and its `call` is typed from the contract (the input is the body or
 * query schema's output), its answer checked against the operation's response.
 *
 * Each generated handler is a method named after its key, with the parameters Nest fills (`@CurrentActor`
 * unless public, `@IdParam` for `:id`, `@Input` for a body or query) and `@Endpoint(operation)`, so the
 * route table, guard and OpenAPI document see it as they see a hand-written one. A handler that needs
 * more (the client's address, the reply, another path parameter) is written as an `@Endpoint` method on
 * the controller that extends this base.
 */
export function ServiceRoutes<Service, Operations extends Record<string, Operation>>(
  serviceClass: Type<Service>,
  operations: Operations,
  handlers: ServiceHandlers<Service, Operations>,
) {
  abstract class ServiceRoutesBase {
    constructor(@Inject(serviceClass) readonly service: Service) {}
  }
  const prototype = ServiceRoutesBase.prototype as unknown as Record<string, unknown>;
  for (const [name, handle] of Object.entries(handlers) as [string, (service: Service, call: object) => unknown][]) {
    const operation = operations[name]!;
    const slots: Slot[] = [];
    if (!operation.public) slots.push('actor');
    if (operation.path.split('/').includes(':id')) slots.push('id');
    if (operation.body || operation.query) slots.push('input');
    prototype[name] = {
      [name](this: ServiceRoutesBase, ...args: unknown[]) {
        return handle(this.service, Object.fromEntries(slots.map((slot, index) => [slot, args[index]])));
      },
    }[name];
    const parameters: Record<Slot, () => ParameterDecorator> = { actor: CurrentActor, id: IdParam, input: Input };
    slots.forEach((slot, index) => {
      parameters[slot]()(prototype, name, index);
    });
    const descriptor = Object.getOwnPropertyDescriptor(prototype, name)!;
    Endpoint(operation)(prototype, name, descriptor as never);
    Object.defineProperty(prototype, name, descriptor);
  }
  return ServiceRoutesBase;
}
