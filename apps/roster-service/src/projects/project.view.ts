import { formatYuan } from '@wage/domain';
import type { ProjectRecord } from './project.repository';

/** A project as the API shows it: amounts back in yuan strings, absent values left out. */
export function projectView(project: ProjectRecord) {
  return {
    code: project.code,
    name: project.name,
    regionCode: project.regionCode,
    contractor: { name: project.contractorName, creditCode: project.contractorCreditCode },
    owner: { name: project.ownerName, creditCode: project.ownerCreditCode ?? undefined },
    contractAmount: formatYuan(project.contractAmountFen),
    startDate: project.startDate,
    plannedEndDate: project.plannedEndDate ?? undefined,
    payday: project.payday,
    status: project.status,
    statusEffectiveDate: project.statusEffectiveDate,
  };
}

export type ProjectView = ReturnType<typeof projectView>;
