import { ALERT_CATALOGUE, ALERT_CODES } from '@wage/contracts';
import {
  PARAMETER_CATALOGUE,
  RULE_VERSIONS,
  type IsoDate,
  type ParameterDefinition,
  type ParameterOverride,
  resolveParameters,
} from '@wage/domain';

/** The catalogue as it applies in a region on a date: each rule with its parameters, values and their sources. */
export function effectiveCatalogue(
  overrides: readonly ParameterOverride[],
  regionCode: string,
  onDate: IsoDate,
) {
  const { parameters, sources } = resolveParameters(overrides, regionCode, onDate);
  return {
    regionCode,
    onDate,
    rules: ALERT_CODES.map((code) => ({
      code,
      name: ALERT_CATALOGUE[code].name,
      defaultSeverity: ALERT_CATALOGUE[code].defaultSeverity,
      ruleVersion: RULE_VERSIONS[code],
      parameters: Object.entries(PARAMETER_CATALOGUE[code] as Record<string, ParameterDefinition>).map(
        ([name, definition]) => ({
          name,
          value: (parameters[code] as Record<string, number | null>)[name],
          defaultValue: definition.defaultValue,
          unit: definition.unit,
          description: definition.description,
          source: (sources[code] as Record<string, unknown>)[name],
        }),
      ),
    })),
  };
}
