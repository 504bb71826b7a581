/** Injection tokens of what the platform module provides. */
export const LOGGER = Symbol('LOGGER');
export const REDIS = Symbol('REDIS');
export const SERVICE_DEFINITION = Symbol('SERVICE_DEFINITION');
