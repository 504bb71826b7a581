// A development mail catcher: an SMTP server that keeps every message in memory and a web page to read them.
//   node scripts/mail-catcher.mjs [smtpPort=1025] [webPort=8025]
// Used by `npm run demo` so the alert e-mails can be read at http://127.0.0.1:8025. Not for production.
import { createServer } from 'node:http';
import { SMTPServer } from 'smtp-server';

const [smtpPort = 1025, webPort = 8025] = process.argv.slice(2).map(Number);
const mails = [];

function decodeBody(raw) {
  const split = raw.search(/\r?\n\r?\n/);
  const headers = raw.slice(0, split);
  const body = raw.slice(split).trim();
  const encoding = /content-transfer-encoding:\s*([\w-]+)/i.exec(headers)?.[1]?.toLowerCase();
  if (encoding === 'base64') return Buffer.from(body, 'base64').toString('utf8');
  if (encoding !== 'quoted-printable') return body;
  const unfolded = body.replace(/=\r?\n/g, '');
  const bytes = [];
  for (let i = 0; i < unfolded.length; i += 1) {
    const hex = unfolded.slice(i + 1, i + 3);
    if (unfolded[i] === '=' && /^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(...Buffer.from(unfolded[i], 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}

function decodeSubject(raw) {
  const line = /^subject:((?:.*)(?:\r?\n[ \t].*)*)/im.exec(raw)?.[1] ?? '';
  return line
    .replace(/\r?\n[ \t]/g, '')
    .replace(/=\?utf-8\?b\?([^?]*)\?=/gi, (_, b64) => Buffer.from(b64, 'base64').toString('utf8'))
    .replace(/\s+(?==?\?)/g, '')
    .trim();
}

const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  onData(stream, session, callback) {
    const chunks = [];
    stream.on('data', (chunk) => chunks.push(chunk));
    stream.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      mails.unshift({
        at: new Date().toISOString(),
        to: session.envelope.rcptTo.map((r) => r.address).join(', '),
        subject: decodeSubject(raw),
        text: decodeBody(raw),
      });
      if (mails.length > 1000) mails.pop();
      callback();
    });
  },
});

const escape = (s) =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

const web = createServer((req, res) => {
  if (req.url === '/api/mails') {
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
    return res.end(JSON.stringify(mails));
  }
  const items = mails
    .map(
      (m) =>
        `<details><summary><b>${escape(m.subject)}</b> → ${escape(m.to)} <small>${m.at}</small></summary><pre>${escape(m.text)}</pre></details>`,
    )
    .join('\n');
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(`<!doctype html><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<meta http-equiv="refresh" content="10"><title>Mail catcher (${mails.length})</title>
<style>body{font:15px system-ui,sans-serif;margin:1rem}details{border-bottom:1px solid #ddd;padding:.5rem 0}pre{white-space:pre-wrap}</style>
<h1>Mail catcher — ${mails.length} message(s)</h1>${items || '<p>No mail yet.</p>'}`);
});

// A sender that drops its connection mid-session is smtp-server's 'error' on the server: not a reason to stop.
smtp.on('error', () => undefined);
smtp.listen(smtpPort, '127.0.0.1');
web.listen(webPort, '127.0.0.1');
console.log(`mail catcher: SMTP on 127.0.0.1:${smtpPort}, web page on http://127.0.0.1:${webPort}`);
const stop = () => smtp.close(() => web.close(() => process.exit(0)));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
