/**
 * The platform's clock, under the path roster files imported their own from. Import `Clock` from `@wage/platform`;
 * this re-export goes once `workers/` (rewritten on another branch) imports it from there too.
 */
export { Clock } from '@wage/platform';
