/** report-service owns this PostgreSQL schema and touches no other. */
export const SCHEMA = 'reports';
