/** enforcement-service owns this PostgreSQL schema and touches no other. */
export const SCHEMA = 'enforcement';
