export * from './topics';
export * from './envelope';
export * from './enums';
export * from './fields';
export * from './events';
