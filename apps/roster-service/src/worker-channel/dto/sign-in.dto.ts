import { z } from 'zod';
import { identityNumberField } from '@wage/platform';

// Checked in full: a mistyped number is told at once, and it says nothing about any roll. The domain's message as
// it is: the examples' fictitious numbers fail on it alone.
const idNumber = identityNumberField('the identity number on the roll (18 characters)', '350206198805170012');

const phone = z
  .string()
  .trim()
  .regex(/^1\d{10}$/, 'must be the 11-digit mobile number the project registered for you')
  .meta({ description: 'the mobile number on the roll', examples: ['13800000001'] });

export const requestCodeSchema = z.strictObject({ idNumber, phone }).meta({ title: 'WorkerCodeRequest' });
export type RequestCode = z.infer<typeof requestCodeSchema>;

export const openSessionSchema = z
  .strictObject({
    idNumber,
    phone,
    code: z
      .string()
      .trim()
      .regex(/^\d{6}$/, 'must be the 6-digit code of the SMS')
      .meta({ description: 'the 6-digit code sent by SMS', examples: ['482913'] }),
  })
  .meta({ title: 'WorkerSessionRequest' });
export type OpenSession = z.infer<typeof openSessionSchema>;
