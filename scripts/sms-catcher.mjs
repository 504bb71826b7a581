// A development SMS catcher: a stand-in for an SMS provider's HTTP API that keeps every message in memory, with a
// web page to read them and a JSON API the tests read.
//   node scripts/sms-catcher.mjs [port=8026] [host=127.0.0.1]
// Services send with SMS_PROVIDER_URL=http://127.0.0.1:8026/messages. With SMS_API_SECRET set, it checks each
// request's signature as a provider would (libs/platform/src/sms/sms.ts) and refuses a bad one with 401.
// `GET /api/messages?to=<phone>` lists what was received, newest first. Not for production.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';

const [portArg = '8026', host = '127.0.0.1'] = process.argv.slice(2);
const secret = process.env.SMS_API_SECRET;
const messages = [];

function signatureValid(headers, body) {
  if (!secret) return true;
  const timestamp = String(headers['x-sms-timestamp'] ?? '');
  const nonce = String(headers['x-sms-nonce'] ?? '');
  const given = Buffer.from(String(headers['x-sms-signature'] ?? ''));
  const expected = Buffer.from(
    `sha256=${createHmac('sha256', secret).update(`${timestamp}\n${nonce}\n${body}`).digest('hex')}`,
  );
  const fresh = Math.abs(Date.now() / 1000 - Number(timestamp)) < 300;
  return fresh && given.length === expected.length && timingSafeEqual(given, expected);
}

function answer(res, status, json) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(json));
}

const escape = (s) =>
  String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://catcher');
  if (req.method === 'POST' && url.pathname === '/messages') {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      if (!signatureValid(req.headers, body)) return answer(res, 401, { error: 'BAD_SIGNATURE' });
      let parsed;
      try {
        parsed = JSON.parse(body);
      } catch {
        return answer(res, 400, { error: 'NOT_JSON' });
      }
      if (typeof parsed.to !== 'string' || typeof parsed.text !== 'string')
        return answer(res, 400, { error: 'TO_AND_TEXT_REQUIRED' });
      const message = {
        id: String(messages.length + 1),
        at: new Date().toISOString(),
        keyId: String(req.headers['x-sms-key-id'] ?? ''),
        to: parsed.to,
        text: `【${parsed.signName ?? ''}】${parsed.text}`,
      };
      messages.unshift(message);
      if (messages.length > 1000) messages.pop();
      return answer(res, 200, { id: message.id, status: 'ACCEPTED' });
    });
    return;
  }
  if (req.method === 'GET' && url.pathname === '/api/messages') {
    const to = url.searchParams.get('to');
    return answer(res, 200, to ? messages.filter((m) => m.to === to) : messages);
  }
  const items = messages
    .map((m) => `<li><b>${escape(m.to)}</b> <small>${m.at}</small><p>${escape(m.text)}</p></li>`)
    .join('\n');
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(`<!doctype html><html lang="zh-CN"><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<meta http-equiv="refresh" content="10"><title>SMS catcher (${messages.length})</title>
<style>body{font:15px system-ui,sans-serif;margin:1rem}li{border-bottom:1px solid #ddd;padding:.5rem 0;list-style:none}p{margin:.25rem 0}</style>
<h1>SMS catcher — ${messages.length} message(s)</h1><ul>${items || '<p>No messages yet.</p>'}</ul></html>`);
});

server.listen(Number(portArg), host, () => {
  const { port } = server.address();
  console.log(
    `sms catcher: provider API on http://${host}:${port}/messages, web page on http://${host}:${port}`,
  );
});
const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
