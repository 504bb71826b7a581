/**
 * Whether `digits` (a one-time code) stands in the text as a number of its own: six random digits also occur
 * inside timestamps, offsets and serial numbers, which a plain substring search would count.
 */
export function mentionsNumber(text: string, digits: string): boolean {
  return new RegExp(`(?<!\\d)${digits}(?!\\d)`).test(text);
}
