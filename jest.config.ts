import type { Config } from 'jest';

const swc: Config['transform'] = {
  '^.+\\.ts$': ['@swc/jest', { swcrc: true }],
};

const moduleNameMapper = {
  '^@wage/(contracts|domain|platform|testing)$': '<rootDir>/libs/$1/src',
  '^@wage/(contracts|domain|platform|testing)/(.*)$': '<rootDir>/libs/$1/src/$2',
};

const common = {
  rootDir: __dirname,
  transform: swc,
  moduleNameMapper,
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'json'],
} satisfies Config;

// Three kinds of test, run separately or together (`jest --selectProjects unit`):
// unit tests touch nothing outside the process; integration and end-to-end tests talk to real
// PostgreSQL, Redis and Kafka that the global setup provides (testcontainers or the local services).
const config: Config = {
  // Integration tests wait for real services (a Kafka consumer group joining takes seconds); unit tests never wait.
  testTimeout: 60_000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs}/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/{apps,libs}/**/*.int-spec.ts'],
      globalSetup: '<rootDir>/libs/testing/src/global-setup.ts',
      globalTeardown: '<rootDir>/libs/testing/src/global-teardown.ts',
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/libs/testing/src/global-setup.ts',
      globalTeardown: '<rootDir>/libs/testing/src/global-teardown.ts',
    },
  ],
};

export default config;
