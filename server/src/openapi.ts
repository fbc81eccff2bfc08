import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
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
  const document = SwaggerModule.createDocument(app, config);
  document.components = {
    ...document.components,
    schemas: { ...document.components?.schemas, ...openApiComponents() },
  };
  return document;
}
