import { Injectable } from '@nestjs/common';
import type { HealthStatus } from '@pass/shared';
import { DataSource } from 'typeorm';
import { appVersion } from '../version.js';

@Injectable()
export class HealthService {
  constructor(private readonly dataSource: DataSource) {}

  async check(): Promise<HealthStatus> {
    const type = this.dataSource.options.type as HealthStatus['database']['type'];
    try {
      const rows: { name: string }[] = await this.dataSource.query(
        'SELECT name FROM migrations ORDER BY timestamp DESC LIMIT 1',
      );
      return { status: 'ok', version: appVersion, database: { type, up: true, migration: rows[0]?.name ?? null } };
    } catch {
      return { status: 'degraded', version: appVersion, database: { type, up: false, migration: null } };
    }
  }
}
