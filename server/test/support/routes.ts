import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { ModulesContainer, Reflector } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Role } from '@pass/shared';
import { ALLOWED_ROLES, PUBLIC_ROUTE } from '../../src/auth/auth.decorators.js';

export interface DiscoveredRoute {
  method: string;
  /** As the client calls it, with the /api prefix (except the pass page) and `:params` left in. */
  path: string;
  controller: string;
  handler: string;
  controllerClass: abstract new (...args: never[]) => unknown;
  handlerFunction: (...args: never[]) => unknown;
  isPublic: boolean;
  /** The roles @Roles names; undefined when every signed-in role may call it. */
  roles: Role[] | undefined;
}

const join = (...parts: string[]) =>
  `/${parts
    .flatMap((p) => p.split('/'))
    .filter(Boolean)
    .join('/')}`;

/** The method names of a controller and of the classes it extends (`RecordRoutes`), as Nest finds them. */
function handlerNames(prototype: object): string[] {
  const names = new Set<string>();
  for (let p = prototype; p !== Object.prototype; p = Object.getPrototypeOf(p)) {
    for (const name of Object.getOwnPropertyNames(p)) names.add(name);
  }
  return [...names];
}

/**
 * Every route of the running application, read from Nest's own metadata (the controllers' paths and
 * methods, and the auth decorators), so routes added later are found without listing them here.
 */
export function discoverRoutes(app: NestFastifyApplication): DiscoveredRoute[] {
  const reflector = new Reflector();
  const routes: DiscoveredRoute[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => unknown) | undefined;
      if (!controller?.prototype) continue;
      const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
      for (const name of handlerNames(controller.prototype)) {
        const handler = controller.prototype[name] as unknown;
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        const paths = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
        if (method === undefined || paths === undefined) continue;
        for (const path of Array.isArray(paths) ? paths : [paths]) {
          const local = join(base, path);
          routes.push({
            method: RequestMethod[method],
            path: local.toLowerCase().startsWith('/v/') ? local : join('api', local),
            controller: controller.name,
            handler: name,
            controllerClass: controller,
            handlerFunction: handler as (...args: never[]) => unknown,
            isPublic: reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, [handler, controller]) === true,
            roles: reflector.getAllAndOverride<Role[] | undefined>(ALLOWED_ROLES, [handler, controller]),
          });
        }
      }
    }
  }
  return routes;
}

/** A concrete URL for a route: path parameters become a well-formed id nobody has. */
export function concretePath(path: string): string {
  return path
    .replace(/:passNumber\b/, '320115999999')
    .replace(/:digits\b/, '12345')
    .replace(/:[A-Za-z]+/g, '00000000-0000-4000-8000-00000000abcd');
}
