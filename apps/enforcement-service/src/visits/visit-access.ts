import { covers } from '@wage/domain';
import { UseCaseError, isAdmin, type Principal } from '@wage/platform';
import { maySee } from '../access/casework-access';
import type { ProjectParty } from '../projects/project.repository';

export function isGridAssistant(principal: Principal): boolean {
  return principal.kind === 'user' && principal.role === 'GRID_ASSISTANT';
}

/** Whether a grid assistant's grid (9 or 12 digits) holds a grid code; a 街道's assistant covers its 社区. */
function assistantCovers(principal: Principal, gridCode: string | null): boolean {
  return principal.kind === 'user' && gridCode !== null && covers(principal.regionCode, gridCode);
}

/**
 * Who may record a visit to a project: the grid assistant of the project's grid, or an inspector whose region
 * covers the project. Nobody else, and nobody outside their grid or region.
 */
export function requireMayVisit(principal: Principal, project: ProjectParty): void {
  if (principal.kind === 'user' && principal.role === 'GRID_ASSISTANT') {
    if (assistantCovers(principal, project.gridCode)) return;
    throw UseCaseError.forbidden(
      project.gridCode === null
        ? `project ${project.code} is placed in no grid; only its district's inspectors may record a visit`
        : `your grid ${principal.regionCode} does not hold project ${project.code} (grid ${project.gridCode})`,
    );
  }
  if (principal.kind === 'user' && principal.role === 'INSPECTOR') {
    if (covers(principal.regionCode, project.regionCode)) return;
    throw UseCaseError.forbidden(
      `your region ${principal.regionCode} does not cover project ${project.code} (${project.regionCode})`,
    );
  }
  const who = principal.kind === 'user' ? `a ${principal.role.toLowerCase()}` : `a ${principal.kind} token`;
  throw UseCaseError.forbidden(
    `only a grid assistant of the project's grid or an inspector may record a visit; the caller is ${who}`,
  );
}

/** Whether the caller may see a visit: its grid's assistants, the users of its region, an administrator. */
export function maySeeVisit(
  principal: Principal,
  visit: { grid_code: string | null; region_code: string },
): boolean {
  if (isGridAssistant(principal)) return assistantCovers(principal, visit.grid_code);
  return maySee(principal, visit.region_code);
}

/** Whether a grid assistant may see a complaint: one about a project of their grid, or filed in their grid. */
export function assistantMaySeeComplaint(
  principal: Principal,
  complaint: { region_code: string; project_grid_code: string | null },
): boolean {
  return (
    assistantCovers(principal, complaint.project_grid_code) ||
    (complaint.region_code.length > 6 && assistantCovers(principal, complaint.region_code))
  );
}

/**
 * The grid-code `LIKE` pattern of the visits a grid assistant sees (their grid and those below it); a requested
 * grid must be inside theirs. Null for other callers, who are scoped by region.
 */
export function assistantGridPattern(principal: Principal, requested?: string): string | null {
  if (!isGridAssistant(principal) || principal.kind !== 'user') return null;
  if (requested !== undefined && !covers(principal.regionCode, requested))
    throw UseCaseError.forbidden(`your grid ${principal.regionCode} does not cover grid ${requested}`);
  return `${requested ?? principal.regionCode}%`;
}

/** A grid outside a region user's own region is refused. */
export function requireSeesGrid(principal: Principal, gridCode: string): void {
  if (isAdmin(principal)) return;
  if (principal.kind === 'user' && covers(principal.regionCode, gridCode)) return;
  const own = principal.kind === 'user' ? `your region ${principal.regionCode}` : 'this token';
  throw UseCaseError.forbidden(`${own} does not cover grid ${gridCode}`);
}
