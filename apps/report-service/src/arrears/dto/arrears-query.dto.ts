import { z } from 'zod';
import { monthParam } from '../../coverage/dto/coverage-query.dto';
import { regionCodeParam } from '../../regions/region-scope';

export const arrearsQuery = z.strictObject({
  regionCode: regionCodeParam.optional(),
  /** The month the alerts are about; without it, every open alert (month-less ones included). */
  month: monthParam.optional(),
});
