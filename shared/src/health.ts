export interface HealthStatus {
  status: 'ok' | 'degraded';
  version: string;
  database: {
    type: 'mysql' | 'mariadb' | 'better-sqlite3';
    up: boolean;
    /** The newest migration applied, so operators can tell which schema a node runs. */
    migration: string | null;
  };
}
