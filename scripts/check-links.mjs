#!/usr/bin/env node
// `npm run docs:check`: every link in the tracked Markdown files must work in a fresh clone.
//   - A relative link (or a root-relative one, `/docs/...`) must point at a file or folder that git tracks, inside
//     the repository: `../shared/DOMAIN.md` exists on one machine only. A `#section` must be a heading of the
//     Markdown file it points at (GitHub's anchors).
//   - http(s) links to 127.0.0.1 or localhost are the local platform's and always pass; other external links
//     pass too, but are printed so that a reader can see what leaves the repository.
// Exits 1 naming each broken link by file and line. No dependencies: Node and git only.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const git = (...args) => execFileSync('git', args, { cwd: root, encoding: 'utf8' });

const tracked = new Set(git('ls-files', '-z').split('\0').filter(Boolean));
const trackedDirs = new Set(['']);
for (const file of tracked) {
  for (let dir = path.posix.dirname(file); dir !== '.'; dir = path.posix.dirname(dir)) trackedDirs.add(dir);
}
const markdownFiles = git('ls-files', '-z', '--', '*.md')
  .split('\0')
  .filter(Boolean)
  .filter((file) => existsSync(path.join(root, file)));

/** The text with fenced code blocks and code spans blanked out (same length and lines, so offsets still hold). */
function withoutCode(text) {
  const blank = (s) => s.replace(/[^\n]/g, ' ');
  const lines = text.split('\n');
  let fence = null;
  for (let i = 0; i < lines.length; i++) {
    const opener = /^ {0,3}(`{3,}|~{3,})/.exec(lines[i]);
    if (fence) {
      if (opener && opener[1][0] === fence[0] && opener[1].length >= fence.length) fence = null;
      lines[i] = blank(lines[i]);
    } else if (opener) {
      fence = opener[1];
      lines[i] = blank(lines[i]);
    }
  }
  // A code span becomes placeholder characters, so `[`docs/api.md`](docs/api.md)` stays a link.
  return lines.join('\n').replace(/(`+)([\s\S]*?[^`])\1(?!`)/g, (span) => span.replace(/[^\n]/g, 'x'));
}

/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces to hyphens. */
function slug(heading) {
  const textOnly = heading
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, '')
    .replace(/[`*]/g, '');
  return textOnly
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}

const anchorCache = new Map();
function anchorsOf(file) {
  if (!anchorCache.has(file)) {
    const anchors = new Set();
    const counts = new Map();
    const text = withoutCode(readFileSync(path.join(root, file), 'utf8'));
    const original = readFileSync(path.join(root, file), 'utf8').split('\n');
    text.split('\n').forEach((line, i) => {
      if (!/^ {0,3}#{1,6}\s/.test(line)) return;
      const heading = original[i].replace(/^ {0,3}#{1,6}\s+/, '').replace(/\s+#+\s*$/, '');
      const base = slug(heading);
      const seen = counts.get(base) ?? 0;
      counts.set(base, seen + 1);
      anchors.add(seen === 0 ? base : `${base}-${seen}`);
    });
    for (const match of original.join('\n').matchAll(/<a\s[^>]*(?:name|id)=["']([^"']+)["']/gi)) {
      anchors.add(match[1].toLowerCase());
    }
    anchorCache.set(file, anchors);
  }
  return anchorCache.get(file);
}

/** Every link target in a Markdown text, with its line. */
function linksIn(text) {
  const code = withoutCode(text);
  const lineAt = (index) => code.slice(0, index).split('\n').length;
  const found = [];
  const inline =
    /!?\[(?:[^[\]]|\[[^[\]]*\])*\]\(\s*(<[^>\n]*>|[^\s()]*(?:\([^\s()]*\)[^\s()]*)*)(?:\s+(?:"[^"]*"|'[^']*'|\([^)]*\)))?\s*\)/g;
  for (const match of code.matchAll(inline)) {
    found.push({ target: match[1].replace(/^<|>$/g, ''), line: lineAt(match.index) });
  }
  for (const match of code.matchAll(/^ {0,3}\[[^\]\n]+\]:\s*(<[^>\n]*>|\S+)/gm)) {
    found.push({ target: match[1].replace(/^<|>$/g, ''), line: lineAt(match.index) });
  }
  for (const match of code.matchAll(/<(?:a|img|source)\s[^>]*(?:href|src)=["']([^"']+)["']/gi)) {
    found.push({ target: match[1], line: lineAt(match.index) });
  }
  // Autolinks and bare URLs are external by nature: collected only to be printed.
  for (const match of code.matchAll(
    /<(https?:\/\/[^>\s]+)>|(?<![("'<\w])(https?:\/\/[^\s<>()[\]`'"|]+[^\s<>()[\]`'"|.,;:!?])/g,
  )) {
    found.push({ target: match[1] ?? match[2], line: lineAt(match.index) });
  }
  return found;
}

const broken = [];
const external = new Map();

for (const file of markdownFiles) {
  const text = readFileSync(path.join(root, file), 'utf8');
  for (const { target, line } of linksIn(text).sort((a, b) => a.line - b.line)) {
    const where = `${file}:${line}`;
    const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(target);
    if (scheme) {
      if (/^https?$/i.test(scheme[1])) {
        let host = '';
        try {
          host = new URL(target).hostname;
        } catch {
          broken.push(`${where}: ${target} is not a valid URL`);
          continue;
        }
        if (host === '127.0.0.1' || host === 'localhost') continue;
      }
      if (!external.has(target)) external.set(target, where);
      continue;
    }
    if (target.startsWith('//')) {
      if (!external.has(target)) external.set(target, where);
      continue;
    }
    const [pathPart, fragment = ''] = target.split('#', 2);
    let decoded = pathPart.split('?', 1)[0];
    try {
      decoded = decodeURIComponent(decoded);
    } catch {
      broken.push(`${where}: ${target} is not a valid path`);
      continue;
    }
    const resolved =
      decoded === ''
        ? file
        : path.posix.normalize(
            decoded.startsWith('/') ? decoded.slice(1) : path.posix.join(path.posix.dirname(file), decoded),
          );
    const relative = resolved.replace(/\/$/, '');
    if (relative === '..' || relative.startsWith('../') || path.posix.isAbsolute(relative)) {
      broken.push(`${where}: ${target} leaves the repository`);
      continue;
    }
    const key = relative === '.' ? '' : relative;
    if (!tracked.has(key) && !trackedDirs.has(key)) {
      const hint = existsSync(path.join(root, key)) ? ' (it exists here but git does not track it)' : '';
      broken.push(`${where}: ${target} points at ${key}, which is not in the repository${hint}`);
      continue;
    }
    if (fragment && tracked.has(key) && key.endsWith('.md')) {
      let anchor = fragment;
      try {
        anchor = decodeURIComponent(fragment);
      } catch {
        // compared as written
      }
      if (!anchorsOf(key).has(anchor.toLowerCase())) {
        broken.push(`${where}: ${target} names no heading of ${key}`);
      }
    }
  }
}

for (const [target, where] of [...external].sort((a, b) => a[0].localeCompare(b[0]))) {
  console.log(`external (allowed): ${target}  (first at ${where})`);
}
if (broken.length > 0) {
  for (const line of broken) console.error(`broken link: ${line}`);
  console.error(`docs:check: ${broken.length} broken link(s) in ${markdownFiles.length} Markdown files`);
  process.exit(1);
}
console.log(
  `docs:check: every relative link of ${markdownFiles.length} Markdown files resolves in the repository`,
);
