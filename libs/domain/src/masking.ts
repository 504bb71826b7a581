const MASK = '*';
const IDENTITY_NUMBER_SHAPE = /^\d{17}[\dXx]$/;
/**
 * Numbers to hide in free text: anything shaped like an identity number (the check digit is not verified:
 * better to hide too much), a run of 16 or more digits (bank cards have 16–19; longer runs are likely account
 * numbers), and a card number written in groups of four ('6222 0212 3456 7890 123').
 */
const SENSITIVE_NUMBER = /(?<!\d)(?:\d{17}[\dXx]|\d{16,}|\d{4}(?:[ -]\d{4}){3}(?:[ -]\d{1,4})?)(?!\d)/g;

/**
 * A bank card number: 13 to 19 digits. The Luhn check is not applied, since many cards issued by Chinese
 * banks do not satisfy it and refusing them would refuse real workers' cards.
 */
export function isCardNumber(value: string): boolean {
  return /^\d{13,19}$/.test(value);
}

/** '350206********1234': region and last four kept; anything not shaped like an identity number is hidden whole. */
export function maskIdentityNumber(identityNumber: string): string {
  return IDENTITY_NUMBER_SHAPE.test(identityNumber)
    ? keepEnds(identityNumber.toUpperCase(), 6, 4)
    : hideAll(identityNumber);
}

/**
 * '6222***********0123': first and last four digits of a card or account number kept, its length preserved.
 * Fewer than 12 digits would leave fewer than 4 hidden, so such a value is hidden whole.
 */
export function maskCardNumber(cardNumber: string): string {
  return /^\d{12,}$/.test(cardNumber) ? keepEnds(cardNumber, 4, 4) : hideAll(cardNumber);
}

/** '138****5678' for a mainland mobile number; anything else is hidden whole. */
export function maskPhone(phone: string): string {
  return /^1\d{10}$/.test(phone) ? keepEnds(phone, 3, 4) : hideAll(phone);
}

/** Masks identity and bank card numbers wherever they occur in the text, e.g. a log line or an error. */
export function redactSensitive(text: string): string {
  return text.replace(SENSITIVE_NUMBER, (found) =>
    IDENTITY_NUMBER_SHAPE.test(found) ? maskIdentityNumber(found) : keepEndDigits(found, 4, 4),
  );
}

function keepEnds(value: string, first: number, last: number): string {
  return value.slice(0, first) + MASK.repeat(value.length - first - last) + value.slice(-last);
}

/** Like `keepEnds`, counting digits only, so the separators of '6222 0212 3456 7890' stay in place. */
function keepEndDigits(value: string, first: number, last: number): string {
  const digitCount = value.replace(/\D/g, '').length;
  let index = 0;
  return value.replace(/\d/g, (digit) => {
    const position = index++;
    return position < first || position >= digitCount - last ? digit : MASK;
  });
}

function hideAll(value: string): string {
  return MASK.repeat(value.length);
}

/** A person's name as a public list shows it: '王**', the family name kept, the rest hidden. */
export function maskPersonName(name: string): string {
  const chars = [...name.trim()];
  return chars.length <= 1 ? '*' : `${chars[0]}${'*'.repeat(chars.length - 1)}`;
}
