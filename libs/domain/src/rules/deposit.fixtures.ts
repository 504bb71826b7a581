import type { ContractorRecord } from './deposit';
import { defaultParameters } from './parameters';

// The contract and contractor of the deposit scenario tables (deposit.spec.ts, deposit-shortfall.spec.ts).
export const parameters = defaultParameters().DEPOSIT_SHORTFALL;
export const today = '2026-10-01';
// ¥100,000,000 contract; at 2% the standard deposit is ¥2,000,000 = 200,000,000 fen
export const contract = 10_000_000_000;
export const newcomer: ContractorRecord = {
  onPlatformSince: '2025-06-01', // 16 months
  lastArrearsOn: null,
  blacklisted: false,
  usesRealNameManagement: true,
  usesDedicatedAccount: true,
};
