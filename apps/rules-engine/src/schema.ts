/** The PostgreSQL schema rules-engine owns. */
export const SCHEMA = 'rules';
