/** The one PostgreSQL schema wage-account-service owns. */
export const SCHEMA = 'wage_account';
