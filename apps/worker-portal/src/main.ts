// 我的工资: the workers' page. Sign in with identity number, phone and an SMS code; see each month's pay; confirm
// it or say what is wrong. Plain DOM, no framework: it must load fast on a slow phone connection.

interface Payment {
  date: string;
  amount: string;
  card: string | null;
}
interface Month {
  projectCode: string;
  projectName: string;
  month: string;
  daysWorked: number | null;
  grossPay: string | null;
  netPay: string | null;
  payments: Payment[];
  paid: string;
  owed: string | null;
  dueDate: string;
  overdue: boolean;
  confirmation: { result: 'CONFIRMED' | 'DISPUTED'; reason: string | null; answeredAt: string } | null;
}

interface OwnClue {
  id: string;
  status: 'RECEIVED' | 'ACCEPTED' | 'REFUSED' | 'CLOSED';
  projectCode: string | null;
  employerName: string;
  periodFrom: string;
  periodTo: string;
  amountOwed: string | null;
  receivedAt: string;
  acceptBy: string;
  supplementRequested: string | null;
  refusal: { reason: string | null; redirectTo: string | null } | null;
}

const API = '/api/v1/worker';
const TOKEN_KEY = 'worker-session';
const REASONS: Record<string, string> = {
  NOT_RECEIVED: '没收到这笔工资',
  AMOUNT_WRONG: '金额不对',
  CARD_NOT_MINE: '工资卡不是我的，或不在我手里',
};

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const statusLine = byId<HTMLParagraphElement>('status');
const signInSection = byId<HTMLElement>('sign-in');
const monthsSection = byId<HTMLElement>('months');
const codeForm = byId<HTMLFormElement>('code-form');
const sessionForm = byId<HTMLFormElement>('session-form');
const signOut = byId<HTMLButtonElement>('sign-out');
const list = byId<HTMLOListElement>('month-list');
const cluesSection = byId<HTMLElement>('clues');
const ownCluesSection = byId<HTMLElement>('own-clues');
const clueForm = byId<HTMLFormElement>('clue-form');
const clueList = byId<HTMLOListElement>('clue-list');
/** The phone the worker signed in with, to offer as the number to call back; kept in memory only. */
let signedInPhone = '';

function say(message: string, error = false): void {
  statusLine.textContent = message;
  statusLine.classList.toggle('error', error);
}

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text?: string,
  attributes: Record<string, string> = {},
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  return node;
}

/** No answer at all (no network, the server unreachable): status 0, and the worker is told at once. */
const OFFLINE = 0;

/**
 * One call to the API. Whatever goes wrong, the worker is told: no network (status 0), and an expired session (401,
 * back to signing in); the caller says what other refusals mean.
 */
async function call<T>(path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const token = sessionStorage.getItem(TOKEN_KEY);
  let response: Response;
  try {
    response = await fetch(`${API}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: {
        ...(body !== undefined && { 'Content-Type': 'application/json' }),
        ...(token && { Authorization: `Bearer ${token}` }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    say('连不上服务器，请检查手机网络后再试。', true);
    return { status: OFFLINE, body: {} as T };
  }
  const answer = (await response.json().catch(() => ({}))) as T;
  if (response.status === 401 && token) {
    sessionStorage.removeItem(TOKEN_KEY);
    showSignIn();
    say('登录已过期，请重新获取验证码登录。', true);
  }
  return { status: response.status, body: answer };
}

/** Whether `call` has already told the worker what went wrong (no network, or signed out). */
const alreadySaid = (status: number) => status === OFFLINE || status === 401;

/** The Chinese part of an error message (the API says it in Chinese first, English in brackets). */
function errorText(body: unknown, fallback: string): string {
  const message = (body as { message?: string }).message;
  return message ? message.replace(/\s*\([^)]*\)\s*$/, '') : fallback;
}

const yuan = (amount: string | null) => (amount === null ? '—' : `¥${amount}`);
const monthLabel = (month: string) => `${month.slice(0, 4)}年${Number(month.slice(5))}月`;

function credentials(): { idNumber: string; phone: string } {
  const data = new FormData(codeForm);
  return {
    idNumber: String(data.get('idNumber') ?? '')
      .trim()
      .toUpperCase(),
    phone: String(data.get('phone') ?? '').trim(),
  };
}

codeForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  const { idNumber, phone } = credentials();
  if (!/^\d{17}[\dX]$/.test(idNumber)) return say('请填写18位身份证号。', true);
  if (!/^1\d{10}$/.test(phone)) return say('请填写11位手机号。', true);
  const answer = await call('/codes', { idNumber, phone });
  if (answer.status === OFFLINE) return;
  if (answer.status !== 202) return say(errorText(answer.body, '暂时发不了验证码，请稍后再试。'), true);
  sessionForm.hidden = false;
  byId<HTMLInputElement>('code').focus();
  say('如果身份证号和手机号与实名登记一致，验证码已发到该手机，5分钟内有效。');
});

sessionForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  const code = String(new FormData(sessionForm).get('code') ?? '').trim();
  if (!/^\d{6}$/.test(code)) return say('请填写短信里的6位验证码。', true);
  const answer = await call<{ accessToken?: string }>('/sessions', { ...credentials(), code });
  if (answer.status === OFFLINE) return;
  if (answer.status !== 200 || !answer.body.accessToken)
    return say(errorText(answer.body, '验证码不正确，请重新获取。'), true);
  sessionStorage.setItem(TOKEN_KEY, answer.body.accessToken);
  signedInPhone = credentials().phone;
  sessionForm.reset();
  await showMonths();
});

signOut.addEventListener('click', () => {
  sessionStorage.removeItem(TOKEN_KEY);
  showSignIn();
  say('已退出。');
});

function showSignIn(): void {
  signInSection.hidden = false;
  monthsSection.hidden = true;
  cluesSection.hidden = true;
  ownCluesSection.hidden = true;
  signOut.hidden = true;
  sessionForm.hidden = true;
}

async function showMonths(): Promise<void> {
  say('正在读取工资记录…');
  const answer = await call<{ items?: Month[] }>('/months');
  if (answer.status !== 200) {
    if (!alreadySaid(answer.status)) say(errorText(answer.body, '暂时读不到工资记录，请稍后再试。'), true);
    return;
  }
  signInSection.hidden = true;
  monthsSection.hidden = false;
  signOut.hidden = false;
  const items = answer.body.items ?? [];
  list.replaceChildren(...items.map(monthCard));
  say(items.length === 0 ? '还没有您的考勤或工资记录。' : `共 ${items.length} 个月的记录。`);
  byId<HTMLElement>('months-title').focus?.();
  showClueForm(items);
  await showClues();
}

function monthCard(month: Month): HTMLLIElement {
  const card = el('li', undefined, { class: 'month' });
  const title = `${monthLabel(month.month)}`;
  card.setAttribute('aria-label', `${month.projectName} ${title}`);
  card.append(el('h3', title), el('p', month.projectName, { class: 'project' }));
  const facts = el('dl');
  const row = (term: string, value: string, className?: string) => {
    facts.append(el('dt', term), el('dd', value, className ? { class: className } : {}));
  };
  row('出勤', month.daysWorked === null ? '—' : `${month.daysWorked} 天`);
  row('应发工资', yuan(month.grossPay));
  row('实发工资', yuan(month.netPay));
  row('已到账', yuan(month.paid));
  if (month.owed !== null)
    row(
      month.overdue ? '已逾期未付' : '还差',
      yuan(month.owed),
      month.owed === '0.00' ? 'paid-up' : month.overdue ? 'owed' : undefined,
    );
  row('应发放日期', month.dueDate);
  card.append(facts);
  if (month.payments.length > 0) {
    const payments = el('ul', undefined, { class: 'payments', 'aria-label': '到账记录' });
    for (const p of month.payments)
      payments.append(el('li', `${p.date} 到账 ¥${p.amount}${p.card ? `（卡号 ${p.card}）` : ''}`));
    card.append(payments);
  }
  card.append(answerPart(month));
  return card;
}

function answerPart(month: Month): HTMLElement {
  const part = el('div');
  if (month.confirmation) {
    const { result, reason } = month.confirmation;
    part.append(
      el(
        'p',
        result === 'CONFIRMED' ? '✓ 您已确认本月工资无误' : `您已提出异议：${REASONS[reason ?? ''] ?? ''}`,
        { class: 'answer' },
      ),
    );
  }
  const confirm = el('button', '工资无误，确认', { type: 'button' });
  const dispute = el('button', '有问题，提出异议', { type: 'button', class: 'secondary' });
  confirm.addEventListener('click', () => answer(month, { result: 'CONFIRMED' }));
  dispute.addEventListener('click', () => {
    dispute.replaceWith(disputeForm(month));
  });
  part.append(confirm, dispute);
  return part;
}

function disputeForm(month: Month): HTMLFormElement {
  const form = el('form');
  const set = el('fieldset');
  set.append(el('legend', `${monthLabel(month.month)} 哪里不对？`));
  for (const [value, text] of Object.entries(REASONS)) {
    const id = `reason-${month.projectCode}-${month.month}-${value}`;
    const label = el('label', undefined, { for: id });
    label.append(el('input', undefined, { type: 'radio', name: 'reason', value, id, required: '' }), text);
    set.append(label);
  }
  const noteId = `note-${month.projectCode}-${month.month}`;
  set.append(
    el('label', '补充说明（可不填）', { for: noteId }),
    el('textarea', undefined, { id: noteId, name: 'note', rows: '2', maxlength: '500' }),
  );
  form.append(set, el('button', '提交异议', { type: 'submit' }));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const reason = data.get('reason');
    if (!reason) return say('请选择哪里不对。', true);
    const note = String(data.get('note') ?? '').trim();
    void answer(month, { result: 'DISPUTED', reason: String(reason), ...(note && { note }) });
  });
  return form;
}

async function answer(month: Month, body: { result: string; reason?: string; note?: string }): Promise<void> {
  const path = `/months/${encodeURIComponent(month.projectCode)}/${month.month}/confirmation`;
  const sent = await call(path, body);
  if (alreadySaid(sent.status)) return;
  if (sent.status !== 200) return say(errorText(sent.body, '提交没有成功，请稍后再试。'), true);
  await showMonths();
  say(
    body.result === 'CONFIRMED'
      ? `已确认${monthLabel(month.month)}工资。`
      : `已提交${monthLabel(month.month)}的异议，监察部门会核实。`,
  );
}

/** The form offers the projects of the worker's own months: a clue is about a project whose roll has them. */
function showClueForm(months: Month[]): void {
  const projects = new Map(months.map((m) => [m.projectCode, m.projectName]));
  const select = byId<HTMLSelectElement>('clue-project');
  const chosen = select.value;
  select.replaceChildren(
    ...[...projects].map(([code, name]) => el('option', `${name}（${code}）`, { value: code })),
  );
  if (projects.has(chosen)) select.value = chosen;
  const phone = byId<HTMLInputElement>('clue-phone');
  if (!phone.value) phone.value = signedInPhone;
  cluesSection.hidden = projects.size === 0;
}

const CLUE_STATUS: Record<OwnClue['status'], string> = {
  RECEIVED: '已收到，等待受理',
  ACCEPTED: '已受理，正在处理',
  REFUSED: '不予受理',
  CLOSED: '已办结',
};

async function showClues(): Promise<void> {
  const answer = await call<{ items?: OwnClue[] }>('/clues');
  if (answer.status !== 200) {
    if (!alreadySaid(answer.status))
      say(errorText(answer.body, '暂时读不到您提交过的投诉，请稍后再试。'), true);
    return;
  }
  const items = answer.body.items ?? [];
  clueList.replaceChildren(...items.map(clueCard));
  ownCluesSection.hidden = items.length === 0;
}

function clueCard(clue: OwnClue): HTMLLIElement {
  const card = el('li', undefined, { class: 'clue', 'data-status': clue.status });
  const period =
    clue.periodFrom === clue.periodTo
      ? monthLabel(clue.periodFrom)
      : `${monthLabel(clue.periodFrom)}至${monthLabel(clue.periodTo)}`;
  card.append(el('h3', `${period} 欠薪`), el('p', clue.employerName, { class: 'project' }));
  card.append(el('p', CLUE_STATUS[clue.status], { class: 'answer clue-status' }));
  const facts = el('dl');
  const row = (term: string, value: string) => facts.append(el('dt', term), el('dd', value));
  row('提交时间', clue.receivedAt.slice(0, 10));
  if (clue.status === 'RECEIVED') row('受理期限', clue.acceptBy);
  if (clue.amountOwed !== null) row('被欠金额', yuan(clue.amountOwed));
  if (clue.supplementRequested) row('请补充', clue.supplementRequested);
  if (clue.refusal) {
    if (clue.refusal.reason) row('原因', clue.refusal.reason);
    if (clue.refusal.redirectTo) row('可以去', clue.refusal.redirectTo);
  }
  card.append(facts);
  return card;
}

/** What the worker typed, checked here in Chinese before it is sent; the message says what to fix. */
function clueBody(): { body?: Record<string, unknown>; problem?: string } {
  const data = new FormData(clueForm);
  const value = (name: string) => String(data.get(name) ?? '').trim();
  const [projectCode, periodFrom, periodTo, amountOwed, workers, description, phone] = [
    'projectCode',
    'periodFrom',
    'periodTo',
    'amountOwed',
    'workersAffected',
    'description',
    'phone',
  ].map(value);
  if (!projectCode) return { problem: '请选择被欠工资的项目。' };
  if (!/^\d{4}-\d{2}$/.test(periodFrom)) return { problem: '请选择从哪个月开始欠工资。' };
  if (!/^\d{4}-\d{2}$/.test(periodTo)) return { problem: '请选择欠到哪个月。' };
  if (periodTo < periodFrom) return { problem: '“到哪个月”不能早于开始的月份。' };
  if (amountOwed && !/^\d{1,10}(\.\d{1,2})?$/.test(amountOwed))
    return { problem: '金额请填数字，例如 3500 或 3500.50。' };
  if (amountOwed && Number(amountOwed) <= 0) return { problem: '金额要大于0，不知道可以不填。' };
  if (workers && !/^[1-9]\d{0,3}$/.test(workers)) return { problem: '人数请填1到9999之间的整数。' };
  if (!description) return { problem: '请写一下情况：谁欠的、欠了多久。' };
  if (!/^1\d{10}$/.test(phone)) return { problem: '请填写11位手机号，方便监察员联系您。' };
  return {
    body: {
      projectCode,
      periodFrom,
      periodTo,
      ...(amountOwed && { amountOwed: Number(amountOwed).toFixed(2) }),
      ...(workers && { workersAffected: Number(workers) }),
      description,
      phone,
    },
  };
}

let sendingClue = false;
clueForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  if (sendingClue) return;
  const { body, problem } = clueBody();
  if (!body) return say(problem ?? '请检查填写的内容。', true);
  const button = byId<HTMLButtonElement>('clue-submit');
  sendingClue = true;
  button.disabled = true;
  button.textContent = '正在提交…';
  try {
    const sent = await call<{ acceptBy?: string }>('/clues', body);
    if (alreadySaid(sent.status)) return;
    if (sent.status === 400) return say('填写的内容有误，请检查月份、金额和手机号后再提交。', true);
    if (sent.status !== 201) return say(errorText(sent.body, '提交没有成功，请稍后再试。'), true);
    clueForm.reset();
    byId<HTMLInputElement>('clue-phone').value = signedInPhone;
    await showClues();
    say(`投诉已提交，监察部门会在 ${sent.body.acceptBy ?? '5个工作日内'} 前决定是否受理。`);
  } finally {
    sendingClue = false;
    button.disabled = false;
    button.textContent = '提交投诉';
  }
});

if (sessionStorage.getItem(TOKEN_KEY)) void showMonths();
else showSignIn();

// A module, so that its names do not collide with the window's globals.
export {};
