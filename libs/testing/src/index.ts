export * from './database';
export * from './infra';
export * from './kafka';
export * from './service-databases';
export * from './wait-for';
export * from './disposable-kafka';
export * from './platform-fixtures';
export * from './service-process';
