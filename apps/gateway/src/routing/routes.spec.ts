import { serviceFor } from './routes';

describe('serviceFor', () => {
  it.each([
    ['/api/v1/projects', 'roster-service'],
    ['/api/v1/projects/P-1/workers/import', 'roster-service'],
    ['/api/v1/banks', 'wage-account-service'],
    ['/api/v1/wage-accounts/6222000011112222/transactions', 'wage-account-service'],
    ['/api/v1/deposits/9/movements', 'wage-account-service'],
    ['/api/v1/evaluations', 'rules-engine'],
    ['/api/v1/rules/350206', 'rules-engine'],
    ['/api/v1/auth/login', 'alert-service'],
    ['/api/v1/users', 'alert-service'],
    ['/api/v1/alerts/stream', 'alert-service'],
    ['/api/v1/alerts?status=OPEN&page=2', 'alert-service'],
    ['/api/v1/notifications', 'alert-service'],
    ['/api/v1/coverage/trend?regionCode=350200', 'report-service'],
    ['/api/v1/arrears', 'report-service'],
    ['/api/v1/complaints/8f14e45f-ceea-4e7a-9f6b-1c2d3e4f5a6b/accept', 'enforcement-service'],
    ['/api/v1/cases?overdue=true', 'enforcement-service'],
    ['/api/v1/worker/months/XM-2026-001/2026-09/confirmation', 'roster-service'],
    ['/api/v1/worker/clues', 'enforcement-service'],
    ['/api/v1/worker/clues?page=1', 'enforcement-service'],
    ['/api/v1/worker/codes', 'roster-service'],
    ['/api/v1/worker/cluesX', 'roster-service'],
    ['/api/v1/enforcement/statistics', 'enforcement-service'],
    ['/api/v1/employers/91350200MA2Y8N3K0A', 'enforcement-service'],
    ['/api/v1/gradings?year=2025', 'enforcement-service'],
    ['/api/v1/blacklist', 'enforcement-service'],
    ['/api/v1/blacklist/export?employer=x', 'enforcement-service'],
  ])('%s goes to %s', (path, service) => {
    expect(serviceFor(path)).toBe(service);
  });

  it.each([
    '/api/v1',
    '/api/v1/',
    '/api/v1/projectsX',
    '/api/v1/workers',
    '/api/v1/constructor',
    '/api/v1/__proto__',
    '/api/v1/clues',
    '/api/v1/projects%2Fclues',
    '/api/v2/projects',
    '/projects',
    '/health',
  ])('%s goes nowhere', (path) => {
    expect(serviceFor(path)).toBeNull();
  });
});
