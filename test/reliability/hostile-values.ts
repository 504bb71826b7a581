/**
 * A small schema-driven generator of hostile values: each field of an endpoint is described by its kind, and every
 * kind has the values that must be refused (wrong types, impossible dates, bad identity numbers, bad amounts) and
 * values that may be accepted but must never break anything (injection strings, mixed scripts).
 */
export type FieldKind =
  | 'id'
  | 'name'
  | 'text'
  | 'amount'
  | 'date'
  | 'month'
  | 'instant'
  | 'int'
  | 'bool'
  | 'enum'
  | 'code'
  | 'list'
  | 'object';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** An 18-digit identity number with a correct check digit for the 17 digits given (GB 11643). */
export function withCheckDigit(body17: string): string {
  const sum = [...body17].reduce((n, d, i) => n + Number(d) * WEIGHTS[i], 0);
  return `${body17}${'10X98765432'[sum % 11]}`;
}

const WRONG_TYPES: unknown[] = [null, 12345, true, [], {}, ''];

export function mustRefuse(kind: FieldKind, valid: unknown, emptyAllowed = false): unknown[] {
  const values = [...WRONG_TYPES];
  switch (kind) {
    case 'list':
      // A list of the wrong things, or an empty one where at least one item is required.
      return [null, 12345, true, {}, '', 'x', ...(emptyAllowed ? [] : [[]]), [12345], [null]];
    case 'object':
      return [null, 12345, true, [], '', 'x'];
    case 'bool':
      // A flag is true or false, never a word or a number that reads like one.
      return [null, 12345, [], {}, '', 'true', 'false', 0, 1];
    case 'id': {
      const id = String(valid);
      const wrongCheck = id.slice(0, 17) + (id[17] === '0' ? '1' : '0');
      values.push(
        wrongCheck,
        id.slice(0, 17),
        withCheckDigit('35020619900230123'), // 30 February
        withCheckDigit('35020621990101123'), // born in 2199
        withCheckDigit('99999919900101123'), // no such region
        `${id.slice(0, 6)} ${id.slice(6)}`,
        id.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d))), // full-width digits
        `${id}'; DROP TABLE roster.workers; --`,
        `${id}\u0000`,
        'x'.repeat(100_000),
      );
      break;
    }
    case 'amount':
      values.push(
        '-1.00',
        '-0.01',
        '0.001',
        '1.005',
        '1e3',
        'NaN',
        'Infinity',
        12.5,
        '99999999999999999999999.00',
        '１００.00',
        '0x10',
        '1,000.00',
      );
      break;
    case 'date':
      values.push(
        '2025-02-30',
        '2025-13-01',
        '2025-00-10',
        '2025-2-3',
        '99999-01-01',
        'tomorrow',
        '2025-02-29',
      );
      break;
    case 'month':
      values.push('2025-13', '2025-00', '2025-1', '202501', '2025-01-01');
      break;
    case 'instant':
      values.push('not a time', '2025-02-30T10:00:00Z', '2025-01-01T25:00:00Z', '2025-01-01T10:00:00+99:00');
      break;
    case 'int':
      values.push(-1, 1.5, '5', 1e15);
      break;
    case 'enum':
      values.push('INVALID', String(valid).toLowerCase(), `${String(valid)} `);
      break;
    case 'name':
    case 'text':
    case 'code':
      // PostgreSQL cannot store NUL in text; ESC makes a log or a terminal lie.
      values.push('a\u0000b', '\u001b[2J\u001b[31mred');
      if (kind !== 'code') values.push('x'.repeat(100_000));
      break;
  }
  return values;
}

/** Values a lenient endpoint may store as given; what they must never do is break the service. */
export const MAY_ACCEPT: unknown[] = [
  "Robert'); DROP TABLE roster.workers; --",
  '<script>alert(1)</script>',
  '${jndi:ldap://127.0.0.1/a}',
  '{{7*7}}',
  'Ivan 张三 محمد',
  '\u202etxt.exe',
  '𠜎𠜱𠝹',
];

/** Whether `mutate` can set the field at `path`: every object above it is in the body. */
export function mutateable(body: unknown, path: (string | number)[]): boolean {
  let node = body;
  for (const key of path.slice(0, -1)) {
    node = (node as Record<string | number, unknown> | undefined)?.[key];
    if (node === null || typeof node !== 'object') return false;
  }
  return true;
}

/** A deep copy of `body` with the field at `path` set to `value`, or removed when `value` is `REMOVE`. */
export const REMOVE = Symbol('remove');
export function mutate(body: unknown, path: (string | number)[], value: unknown): unknown {
  const copy = structuredClone(body) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1];
  if (value === REMOVE) delete node[last];
  else node[last] = value;
  return copy;
}

export const MALFORMED_BODIES: [string, string][] = [
  ['application/json', '{'],
  ['application/json', '{"a": }'],
  ['application/json', 'null'],
  ['application/json', '[]'],
  ['application/json', '"text"'],
  ['application/json', '12'],
  ['application/json', ''],
  ['application/json', '{"__proto__": {"isAdmin": true}}'],
  ['application/json', '\uFEFF{}'],
  ['text/plain', 'hello'],
  ['application/x-www-form-urlencoded', 'a=1&b=2'],
];
