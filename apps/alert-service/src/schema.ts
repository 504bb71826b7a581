/** The one PostgreSQL schema alert-service owns. */
export const SCHEMA = 'alerts';
