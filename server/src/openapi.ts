import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { allOperations } from '@pass/shared';
import { describeResponses } from './common/api-response.js';
import { openApiComponents } from './common/openapi-schema.js';
import { appVersion } from './version.js';

/**
 * The API's OpenAPI document, read from the controllers' decorators, whose schemas are generated from
 * the shared zod schemas. Served at /api/docs/openapi.json and committed as openapi.json at the
 * repository root (`pnpm openapi`); a test keeps the two equal.
 */
export function openApiDocument(app: INestApplication): OpenAPIObject {
  describeResponses();
  const config = new DocumentBuilder()
    .setTitle('重点物资运输车辆通行证 API')
    .setDescription('Applications, review, issuance and checkpoint verification of key-material transport passes.')
    .setVersion(appVersion)
    .addBearerAuth()
    .build();
  // Each operation's tag is the contract's (`@Endpoint`); a controller's name is no tag of its own.
  const document = SwaggerModule.createDocument(app, config, { autoTagControllers: false });
  document.paths = inContractOrder(document.paths);
  document.components = {
    ...document.components,
    schemas: { ...document.components?.schemas, ...openApiComponents() },
  };
  return document;
}

/**
 * The document's paths, and each path's methods, in the contract's order (`allOperations`, area by area)
 * rather than in the order Nest happens to register the controllers and their methods.
 */
function inContractOrder(paths: OpenAPIObject['paths']): OpenAPIObject['paths'] {
  const ordered: OpenAPIObject['paths'] = {};
  const place = (path: string, method: string) => {
    const operation = paths[path]?.[method as keyof (typeof paths)[string]];
    if (operation) ordered[path] = { ...ordered[path], [method]: operation };
  };
  for (const operation of allOperations)
    place(operation.path.replace(/:(\w+)/g, '{$1}'), operation.method.toLowerCase());
  // Anything the contract does not list (the route-table test refuses it) keeps its place after the rest.
  for (const [path, item] of Object.entries(paths)) for (const method of Object.keys(item)) place(path, method);
  return ordered;
}
