import { formatYuan, type IsoDate } from '@wage/domain';
import type { ProjectRecord } from './project.repository';

/**
 * A project as the API shows it on `today`: amounts back in yuan strings, absent values left out. A status dated
 * after today is not in force yet: the project shows the status that holds, and the other as `scheduledStatus`.
 */
export function projectView(project: ProjectRecord, today: IsoDate) {
  const scheduled = project.previousStatus !== null && project.statusEffectiveDate > today;
  return {
    code: project.code,
    name: project.name,
    regionCode: project.regionCode,
    gridCode: project.gridCode ?? undefined,
    contractor: { name: project.contractorName, creditCode: project.contractorCreditCode },
    owner: { name: project.ownerName, creditCode: project.ownerCreditCode ?? undefined },
    contractAmount: formatYuan(project.contractAmountFen),
    startDate: project.startDate,
    plannedEndDate: project.plannedEndDate ?? undefined,
    payday: project.payday,
    status: scheduled ? project.previousStatus! : project.status,
    statusEffectiveDate: scheduled ? project.previousStatusEffectiveDate! : project.statusEffectiveDate,
    scheduledStatus: scheduled
      ? { status: project.status, effectiveDate: project.statusEffectiveDate }
      : undefined,
  };
}

export type ProjectView = ReturnType<typeof projectView>;
