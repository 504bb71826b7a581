import { ownClueStatus } from './worker-clue-view';

describe('the status a complainant is told', () => {
  it.each([
    ['undecided', 'PENDING', null, 'RECEIVED'],
    // Asked for a supplement, the complaint is still undecided: received, with what to add beside it.
    ['asked for a supplement', 'SUPPLEMENT_REQUESTED', null, 'RECEIVED'],
    ['accepted, its case open', 'ACCEPTED', null, 'ACCEPTED'],
    ['accepted, its case closed', 'ACCEPTED', new Date('2026-11-02T02:00:00Z'), 'CLOSED'],
    ['refused', 'REFUSED', null, 'REFUSED'],
  ] as const)('%s', (_case, status, closedAt, told) => {
    expect(ownClueStatus({ status, case_closed_at: closedAt })).toBe(told);
  });
});
