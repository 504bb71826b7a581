/** Injection tokens of what the platform module provides. */
export const LOGGER = Symbol('LOGGER');
export const REDIS = Symbol('REDIS');
export const SERVICE_DEFINITION = Symbol('SERVICE_DEFINITION');

/**
 * Optional, provided by a service's global module: things an operator must act on that do not make the service
 * unhealthy (GET /health stays 200 and lists them under `warnings`).
 */
export const HEALTH_WARNINGS = Symbol('HEALTH_WARNINGS');
export interface HealthWarnings {
  warnings(): string[];
}
