/**
 * The public API's paths, requests and answers as openapi-typescript reads them from the merged OpenAPI document
 * (/api/docs/openapi.json). Generated: do not edit. Regenerate with `npm run console:api-types` after changing an
 * endpoint's @ApiContract; the console's build then shows what the change breaks.
 */
export interface paths {
  '/api/v1/alerts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Alerts, filtered and paged
     * @description A user sees their region's alerts, a project its own. Newest first, or with sort=urgency most severe first and then the longest raised; open=true keeps the alerts still to be handled (OPEN, ACKNOWLEDGED). `counts` is the caseload of the scope (within regionCode if given) whatever the other filters: open (待签收), acknowledged (处理中) and overdue (已超时: not acknowledged by the escalation deadline). Each alert carries its `escalation` deadline while it waits to be acknowledged.
     */
    get: operations['Alerts_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/alerts/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** An alert with its evidence and history */
    get: operations['Alerts_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/alerts/{id}/acknowledge': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Acknowledge an alert (签收) */
    post: operations['Alerts_acknowledge'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/alerts/{id}/assign': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Assign an alert to a user */
    post: operations['Alerts_assign'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/alerts/{id}/assignees': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Who may take an alert
     * @description The inspectors and leaders whose region covers the alert's region, nearest region first: the people POST /alerts/{id}/assign accepts.
     */
    get: operations['Alerts_assignees'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/alerts/{id}/dismiss': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Dismiss an alert as unfounded */
    post: operations['Alerts_dismiss'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/alerts/{id}/resolve': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Resolve an alert (办结) */
    post: operations['Alerts_resolve'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/alerts/stream': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Live alerts of the caller's region (server-sent events)
     * @description Events alert.raised, alert.updated, alert.escalated, alert.cleared, each with the alert. A browser's EventSource, which cannot set headers, may pass its token as ?access_token=. The stream ends when the token expires, with a last stream.expired event; a user may hold a few streams at once.
     */
    get: operations['Alerts_live'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/arrears': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Wage arrears by alert code and severity
     * @description Open alerts by code and severity, workers affected and wages outstanding, in a region and month; `unpaidWages` counts only the wages owed (WAGE_ARREARS, WAGE_UNDERPAID), `otherAlerts` the reporting gaps and risks.
     */
    get: operations['Arrears_arrears'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/login': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Log in
     * @description Answers an access token to send as `Authorization: Bearer <token>`.
     */
    post: operations['Users_login'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/banks': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Register a bank
     * @description Answers the bank key, shown this once: the bank uses it to open accounts and report transactions.
     */
    post: operations['Banks_register'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/blacklist': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The published arrears blacklist (拖欠农民工工资失信联合惩戒对象名单), no login
     * @description Listings in force today, latest first: employer name, credit code, reason, decided, until, and the persons named with their names masked (王**) and no identity number.
     */
    get: operations['Blacklist_list'];
    put?: never;
    /**
     * Give notice of a listing (事先告知)
     * @description For inspectors and leaders of the case’s region. The employer must have been ordered to pay wages by a deadline (rectification order or handling decision) that passed with wages still owed. The persons’ identity numbers are stored encrypted and answered masked. The statement period is 5 working days.
     */
    post: operations['Blacklist_give'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/blacklist/{id}/decision': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Decide the listing (决定): 3 years on the list, or not
     * @description After the statement or its period. Wages paid in full before the decision end the procedure (ENDED_BY_PAYMENT) whatever is asked.
     */
    post: operations['Blacklist_decide'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/blacklist/{id}/removal': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Remove a listing early (信用修复)
     * @description When the arrears are paid, 6 months have passed since the decision and a written pledge is on file.
     */
    post: operations['Blacklist_remove'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/blacklist/{id}/statement': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Record the employer’s statement (陈述申辩)
     * @description Within the 5 working days after the notice; once recorded the decision may be made.
     */
    post: operations['Blacklist_state'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/blacklist/export': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The published blacklist as an XLSX workbook, no login
     * @description The same listings as GET /blacklist; text that a spreadsheet could take for a formula is escaped.
     */
    get: operations['Blacklist_export'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/blacklist/procedures/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A listing procedure with its persons (masked) and the audit of each step */
    get: operations['Blacklist_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/calendar/{year}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A year's official calendar: holidays and adjusted working days
     * @description The version an administrator entered last (with every earlier version), else the chinese-days package's data. `known: false` when neither has the year: its deadlines count Monday to Friday.
     */
    get: operations['Calendar_get'];
    /**
     * Enter a year's official calendar (the State Council's notice)
     * @description Every day off (法定节假日 and the rest days moved next to them) and every weekend day worked (调休). It overrides the package's data for the year, is kept as a new version with who entered it, and the months whose wages fall due in the year are evaluated again.
     */
    put: operations['Calendar_put'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/cases': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Cases of the caller's region, with their clocks */
    get: operations['Cases_list'];
    put?: never;
    /**
     * Open a case (立案) from an alert or for a project
     * @description For inspectors. From an alert, its evidence is copied in and the wages it shows owed become the case's. The investigation closes within 60 working days of today.
     */
    post: operations['Cases_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/cases/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A case with its timeline, clocks, actions and recoveries */
    get: operations['Cases_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/cases/{id}/actions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Record an action on a case
     * @description For inspectors. A penalty outside its article's range, extra compensation outside 50–100 % of the wages owed, or a second extension is 422. A rectification order on a case about a project is watched by the rules engine for its months (`month`, else the alert's month, else the complaint's period): its deadline passing with the violation still in the data raises RECTIFICATION_OVERDUE.
     */
    post: operations['Cases_act'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/cases/{id}/close': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Close a case (结案) with a code and a finding
     * @description A finding of unpaid wages is published as the employer's record, by credit code.
     */
    post: operations['Cases_close'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/cases/{id}/documents/{actionId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * An action's document as a PDF in Chinese (指令书, 决定书, 移送书…)
     * @description The order, decision, summons, record or transfer an action of the case produced, addressed, with its legal basis, amount, deadline and (for a decision) the rights of review, set in an embedded Chinese font. Identity and card numbers in the notes are masked; no complainant is named.
     */
    get: operations['Cases_document'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/cases/{id}/recoveries': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Record wages recovered for the case (清欠) */
    post: operations['Cases_recover'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/complaints': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The intake queue of the caller's region, with acceptance clocks */
    get: operations['Complaints_list'];
    put?: never;
    /**
     * Receive a complaint, report or arrears clue (投诉、举报、欠薪线索)
     * @description Starts its acceptance clock: 5 working days of the official calendar. One about the same employer and an overlapping period is linked to the earlier one (duplicateOf). The complainant's identity and phone numbers are stored encrypted and shown only masked; a confidential reporter only to the case's inspectors.
     */
    post: operations['Complaints_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/complaints/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A complaint with its acceptance clock and decision */
    get: operations['Complaints_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/complaints/{id}/accept': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Accept a complaint (受理/立案): opens a case
     * @description For inspectors. The case clock starts today: 60 working days.
     */
    post: operations['Complaints_accept'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/complaints/{id}/refuse': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Refuse a complaint in writing (不予受理), saying where to go instead */
    post: operations['Complaints_refuse'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/complaints/{id}/request-supplement': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Ask the complainant for a supplement (待补正) */
    post: operations['Complaints_requestSupplement'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/complaints/{id}/supplement': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Enter the supplement a complaint was sent back for (补正材料): its acceptance clock starts again
     * @description For inspectors. The complaint is undecided again and must be accepted, refused or sent back within 5 working days of the day the supplement arrived.
     */
    post: operations['Complaints_receiveSupplement'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/coverage': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Coverage of each safeguard in a region and month
     * @description Share of projects in construction with real-name rolls, a dedicated wage account, a deposit, bank payroll and full monthly payment (and all of them), for the region and each child region. Default: the caller's region and the latest month whose wages are due. Before a month's wage deadline its payment metrics (bankPayroll, monthlyFullPayment, allSystems) are pending: `pct: null` and `pendingUntil`.
     */
    get: operations['Coverage_coverage'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/coverage/trend': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Coverage month by month
     * @description One entry per month from `from` to `to` (at most 120); by default the twelve months up to the latest one whose wages are due.
     */
    get: operations['Coverage_trend'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/deposits': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A project's deposits and the amount in force
     * @description The deposits of a project with their balances on `asOf` (today in Asia/Shanghai by default).
     */
    get: operations['Deposits_list'];
    put?: never;
    /**
     * Record a wage guarantee deposit
     * @description 工资保证金: cash, or a bank guarantee letter (保函) with its expiry date, recorded by the bank or guarantor that holds it; it counts at once. A project may declare its own, naming that bank (bankCode): the declaration counts only once the bank confirms it (POST /deposits/{id}/confirmation), since the monitored party never certifies itself. effectiveOn at most 30 days ahead; a guarantee letter runs at most 10 years.
     */
    post: operations['Deposits_record'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/deposits/{id}/confirmation': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Confirm a project's deposit declaration
     * @description The bank named in the declaration confirms that it holds the deposit; from then on it counts. Confirming again changes nothing.
     */
    post: operations['Deposits_confirm'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/deposits/{id}/movements': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Record a movement of a deposit
     * @description A drawdown to pay wages in arrears (动用), a top-up (补足), or the release at completion (退还).
     */
    post: operations['Deposits_move'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/employers/{creditCode}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * An employer's record by credit code: findings, grades, blacklist state, projects
     * @description The findings of its closed cases (newest first), every grade given with the one in force, whether it is listed now and every blacklist procedure, and its projects. Listed persons are not part of it.
     */
    get: operations['Employers_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/enforcement/statistics': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Casework statistics for leaders, by child region
     * @description Cases opened and closed in the months, closed within the limit, overdue now, workers helped and wages recovered (paid in the months), the recovery rate of the cases opened in them. By default the caller's region from January to this month.
     */
    get: operations['Statistics_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/evaluations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Run the rules now, or answer what they found at an earlier instant (dry run)
     * @description Without `month`: every project-month that time can change (each project's current month and the two before it, and every project-month with an open or pending alert), as the scheduled sweep does. Live alerts are only ever evaluated as of now. With `asOf` earlier than now it is a dry run: the findings the rules (of that time) had at that instant, with codes, severities and evidence; no alert changes and nothing is published or sent. An `asOf` in the future is refused.
     */
    post: operations['Evaluations_run'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/gradings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Grades given to the employers of the caller's region, latest first
     * @description Each grade with the findings (case ids) it rests on; A is 免于日常巡查, C is 重点监管 (`supervision`).
     */
    get: operations['Gradings_list'];
    put?: never;
    /**
     * Run the annual integrity grading (劳动保障守法诚信等级评价) of a year
     * @description Grades every employer with a project or a case in the region (every one without `regionCode`) on that calendar year's findings: A none, B a violation found, C three or more, a group or extreme incident, a refused order, obstructed inspection or prosecution. Runs on its own each January for the year before; running a year again replaces its annual grades. Only a year that is over may be graded.
     */
    post: operations['Gradings_run'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/gradings/statistics': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * For leaders: employers by grade, listings and removals, by child region
     * @description Employers with a project or a case in the region by the grade in force (or the grade given for `year`), the blacklist's listings decided and removals in the year (this year by default), and listings in force today; for the region and each child region. An employer counts once in the total.
     */
    get: operations['Gradings_summary'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/grids': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A region's grids and their visit coverage in a month (网格走访覆盖)
     * @description For leaders and inspectors of a district or above. The grids are those of the projects in construction under the region; a grid is covered when a grid assistant recorded a visit in it that month.
     */
    get: operations['Grids_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/notifications': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * An alert's notification log
     * @description Who was notified, by which channel and why, with status, attempts and errors (never addresses).
     */
    get: operations['Notifications_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/projects': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Register a project
     * @description Registers a construction project (在建项目) and answers its project key, shown this once: the project uses it to report its roll, attendance and pay sheets.
     */
    post: operations['Projects_register'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/projects/{code}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A project
     * @description A project sees only itself; a user only projects in their region.
     */
    get: operations['Projects_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /**
     * Change a project's status or grid
     * @description With { gridCode } it places the project in a grid of its district (the site's 街道/乡镇, 9 digits, or 社区/村, 12 digits), moves it, or takes it out of any (null): an administrator or an inspector of the region, never the project (403); a grid outside the district is 400. Otherwise: 在建 IN_CONSTRUCTION, 停工 SUSPENDED or 竣工 COMPLETED, from a date on. An administrator or an inspector of the project's region changes it (200); from the project itself it is a request (202) that changes nothing until an inspector or administrator approves it — the monitored party never certifies itself. The date may not precede the start or the status in force, nor (for SUSPENDED or COMPLETED) a month with attendance or a pay sheet already reported, nor lie more than 30 days ahead. A change dated ahead shows as scheduledStatus until it holds; an administrator may correct it.
     */
    patch: operations['Projects_changeStatus'];
    trace?: never;
  };
  '/api/v1/projects/{code}/attendance': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Report a month's attendance
     * @description Days worked per worker in the month (考勤); every worker must be on the roll. An Idempotency-Key makes a resend safe. A batch with any invalid row is refused whole (422, one detail per problem) and nothing of it is stored.
     */
    post: operations['Attendance_report'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/projects/{code}/pay-sheets': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Submit a month's pay sheet
     * @description Gross and net pay per worker (工资支付表), yuan strings; replaces the month's earlier sheet and ends its pending revisions. A sheet sent after the month’s wage deadline (the payday in the month after, moved back to a working day, plus the national grace days) that lowers a worker’s net pay or leaves out a worker of the sheet in force is kept as a revision (202) beside the sheet in force, which still counts, until an inspector of the region or an administrator accepts or rejects it — the monitored party never certifies itself. An Idempotency-Key makes a resend safe. A batch with any invalid row is refused whole (422, one detail per problem) and nothing of it is stored.
     */
    post: operations['PaySheets_submit'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/projects/{code}/pay-sheets/{month}/revisions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A month's pay-sheet revisions
     * @description Newest first: each with the totals of the sheet it revises and its own, the lines it lowers (workers masked), its status (PENDING, ACCEPTED, REJECTED, SUPERSEDED) and who decided it, when and why.
     */
    get: operations['PaySheets_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/projects/{code}/pay-sheets/{month}/revisions/{id}/accept': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Accept a pay-sheet revision
     * @description An inspector of the region or an administrator accepts it, with a reason: it becomes the sheet in force (the sheet it revises stays on its lines) and the rules engine evaluates the month again. A project may not accept its own revision.
     */
    post: operations['PaySheets_accept'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/projects/{code}/pay-sheets/{month}/revisions/{id}/reject': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Reject a pay-sheet revision
     * @description An inspector of the region or an administrator rejects it, with a reason; the sheet in force stays.
     */
    post: operations['PaySheets_reject'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/projects/{code}/rights-board': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The project's rights-information board (维权信息告示牌) as a PDF
     * @description The board the general contractor puts up on site (Regulations on Ensuring Payment of Wages to Migrant Workers, Art. 34), in Chinese on one A4 or A3 page: the owner and the general contractor, the labour manager, the payday, the local minimum wage, the complaint channels (12333, the local labour inspection, arbitration, 12348) and a QR code to the workers' page /worker. It names companies only: no identity or phone number. The project itself, or a user of its region. Without the Chinese font installed it is 503 PDF_FONT_MISSING.
     */
    get: operations['Projects_rightsBoard'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/projects/{code}/status-requests': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A project's status requests
     * @description Newest first, each with its decision once an inspector or administrator made one.
     */
    get: operations['Projects_listStatusRequests'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/projects/{code}/status-requests/{id}/approve': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Approve a project's status request
     * @description An inspector of the region or an administrator approves: the change applies as if they had made it, checked again today.
     */
    post: operations['Projects_approve'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/projects/{code}/status-requests/{id}/reject': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Reject a project's status request
     * @description An inspector of the region or an administrator rejects it; the status stays as it is.
     */
    post: operations['Projects_reject'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/projects/{code}/workers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The project's workers, masked
     * @description Identity, card and phone numbers appear only masked.
     */
    get: operations['Workers_list'];
    /**
     * Add or update workers on the project's real-name roll
     * @description Upsert by identity number (实名制花名册). Identity numbers are checked (GB 11643 check digit, birth date, minimum working age); identity, card and phone numbers are stored encrypted. An Idempotency-Key makes a resend safe. A batch with any invalid row is refused whole (422, one detail per problem) and nothing of it is stored.
     */
    put: operations['Workers_upsert'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/projects/{code}/workers/import': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Import the real-name roll from a CSV or XLSX file
     * @description The same columns as PUT /workers, with Chinese (身份证号, 姓名, 手机号, 开户行, 银行卡号, 班组, 工种, 进场日期, 退场日期) or English headers; CSV in UTF-8 or GBK. Only the first sheet of an XLSX is read, and it may unpack to at most 50 MB. An Idempotency-Key makes a resend safe. A batch with any invalid row is refused whole (422, one detail per problem) and nothing of it is stored.
     */
    post: operations['Workers_import'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/rules': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The rule catalogue with its effective parameters
     * @description Each rule's parameters as they apply today in a region (national when no region is given).
     */
    get: operations['Rules_catalogue'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/rules/{regionCode}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Set a region's rule parameters from a date on
     * @description `graceDays` sets a parameter of every rule that has it, `WAGE_ARREARS.graceDays` one rule's; null lifts a cap. Earlier versions keep applying to earlier evaluations. A change effective before today is retroactive: it needs a `reason` (422 REASON_REQUIRED without one), and months already closed (a month closes when the next one ends) keep their verdicts unless `reevaluate: true` asks to evaluate the region again from `effectiveFrom`. Every change is audited: who, when, why, and the values it replaced (`change`).
     */
    put: operations['Rules_set'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/users': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Users, disabled ones included
     * @description For the administrator: every user with role, region and whether disabled; no passwords.
     */
    get: operations['Users_list'];
    put?: never;
    /**
     * Create a user
     * @description An inspector (监察员) or leader sees their region and the regions inside it; an administrator everything. Notifications go to the e-mail and webhooks given; a webhook on a loopback, private or link-local address is refused (400 WEBHOOK_ADDRESS_NOT_ALLOWED) unless the administrator allow-lists it (WEBHOOK_ALLOWED_HOSTS).
     */
    post: operations['Users_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/users/{username}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /**
     * Change a user: disable or enable, reset the password, change role, region or name
     * @description A disabled user cannot log in (a token already issued lapses within ACCESS_TOKEN_TTL_SECONDS), is not notified and is not offered or accepted as an assignee; their history stays. Every change is recorded with who made it (a password reset as such, never the password).
     */
    patch: operations['Users_change'];
    trace?: never;
  };
  '/api/v1/verifications': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Verification requests (核实请求) of a grid or region, the earliest due first
     * @description A RED or ORANGE alert in a grid, or an accepted complaint or clue in one, asks the grid assistant to verify it on site within 3 working days of the official calendar (dueBy). A visit that verifies it makes it DONE; one still OPEN past dueBy is escalated to the district's inspectors (ESCALATED, and can still be done); an alert cleared or dismissed first withdraws it (WITHDRAWN). A grid assistant sees their own grid, another user their region; a gridCode asked for must be inside the caller’s region.
     */
    get: operations['Verifications_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/visit-plans': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A grid's visit plan for a month (走访计划)
     * @description The projects in construction in the grid: C-grade employers first (C_GRADE), then open alerts (OPEN_ALERTS), then projects whose routine patrol is due (PATROL_DUE): nobody visited them in the patrolIntervalMonths before the month, the interval of the contractor's grade in the project's region (PATROL_INTERVALS; by default C 1, B 2, not graded 3). A grade exempt there (A by default) is left out of routine visits unless the project has open alerts. A grid assistant gets their own grid; other users name a grid in their region.
     */
    get: operations['VisitPlans_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/visits': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Site visits, latest first: a grid assistant their grid, a user their region */
    get: operations['Visits_list'];
    put?: never;
    /**
     * Record a site visit (走访), optionally verifying an alert or a complaint (核实)
     * @description For the grid assistant of the project's grid or an inspector covering the project. `at` is when the visit took place: not in the future (5 minutes of slack) and at most 31 days ago. A visit that verifies an alert (read from alert-service as the caller, so it must be one they may see, about the same project) or a complaint of the project or its grid publishes VerificationRecorded; the complaint lists it among its verifications.
     */
    post: operations['Visits_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/visits/{id}/photos': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Add a photo to a visit (现场照片): only the visit's recorder
     * @description A JPEG, PNG or WebP as its content says (the declared type must agree), at most 5 MiB, 6 photos a visit. The file name is kept without directories or control characters, at most 100 characters.
     */
    post: operations['Visits_upload'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/visits/{id}/photos/{photoId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A visit's photo, as it was uploaded */
    get: operations['Visits_photo'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/wage-accounts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Open a project's dedicated wage account
     * @description 农民工工资专用账户. A project opens its own; a bank opens accounts at itself. One account per project and bank.
     */
    post: operations['WageAccounts_open'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/wage-accounts/{accountNumber}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A dedicated wage account with its balance
     * @description The balance now, or at `asOf`: every transaction that occurred by then, whenever it was reported. `statementThrough` is how far the bank has stated the feed complete (null while it never has).
     */
    get: operations['WageAccounts_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/wage-accounts/{accountNumber}/transactions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Report the account's transactions
     * @description The bank holding the account reports what it booked; no one else does, since the monitored party never certifies itself (a project or the administrator is 403). Idempotent by (accountNumber, serialNo): an identical resend is accepted and not counted twice; a different transaction under a used serial number is 409. A batch with any invalid row is refused whole (422) and nothing of it is stored. Amounts are yuan strings; occurredAt carries its offset. counterparty.accountNumber may be left out only for a cash WITHDRAWAL at the counter (现金支取) or a bank FEE. With statementThrough the bank states that the account's feed is complete up to that instant (an empty transactions array then says there is nothing more); it only moves forward, and payment rules wait for it before they judge a deadline. No transaction occurs before the day the account was opened (BEFORE_ACCOUNT_OPENED). Debits beyond the balance are accepted as the bank reported them, and the gap is flagged in dataQuality (BALANCE_BELOW_ZERO).
     */
    post: operations['Transactions_record'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/worker/clues': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A worker’s own complaints and clues with their status (我的投诉)
     * @description RECEIVED (with what to add, when an inspector asked), ACCEPTED, REFUSED (with the reason and where to go instead) or CLOSED; newest first. Never the case itself: not its inspectors, actions, evidence or findings.
     */
    get: operations['WorkerClues_list'];
    put?: never;
    /**
     * Report arrears from the workers’ page (我要投诉欠薪)
     * @description A complaint of kind CLUE in the intake queue of the project’s region (GET /complaints), with its 5-working-day acceptance clock, against the project’s general contractor. The complainant is the signed-in worker as the project’s roll names them; the project must be one whose roll has them (as in GET /worker/months). `phone` is the number to call back.
     */
    post: operations['WorkerClues_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/worker/codes': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Send a worker a sign-in code by SMS (获取验证码)
     * @description Always 202 with the same answer: the 6-digit code goes to the phone only when the identity number and the phone number match an entry of a real-name roll, so the answer never tells whether they do. The code is good for 5 minutes and 5 tries. Each identity number and each phone number may ask 5 times an hour, each address WORKER_CODE_REQUESTS_PER_ADDRESS times (429 TOO_MANY_CODE_REQUESTS).
     */
    post: operations['WorkerSignIn_codes'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/worker/months': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A worker’s own pay, per project and month (我的工资)
     * @description Across every project whose roll has the session’s identity: days worked, gross and net pay on the sheet, the payroll payments banks reported to their card (date, amount, masked card) attributed to months as the rules engine does, what is still owed and when it was due, and the worker’s confirmation. Newest month first.
     */
    get: operations['WorkerMonths_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/worker/months/{projectCode}/{month}/confirmation': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Confirm or dispute a month’s pay (工资确认)
     * @description CONFIRMED, or DISPUTED with a reason: AMOUNT_WRONG, NOT_RECEIVED, CARD_NOT_MINE (the card on the roll is not the worker’s, or not in their hands: evidence of card control, shown next to SHARED_BANK_CARD). A dispute raises WORKER_PAY_DISPUTED for the project-month (YELLOW; ORANGE from 3 workers), with the workers masked. The latest answer stands.
     */
    post: operations['WorkerMonths_confirm'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/worker/sessions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Sign a worker in with the SMS code (登录)
     * @description Answers a WORKER session token (30 minutes, WORKER_SESSION_TTL_SECONDS) that reads only this worker’s own pay on /worker/* and is admitted by no other endpoint. A wrong or expired code is 401 CODE_INVALID; after 5 wrong codes for the identity number or the phone number, sign-in is locked for 15 minutes (429 WORKER_SIGN_IN_LOCKED) and the pending code is void.
     */
    post: operations['WorkerSignIn_sessions'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    /** Alert */
    Alert: {
      assignee: string | null;
      clearedAt: string | null;
      /** @enum {string} */
      code:
        | 'WAGE_ARREARS'
        | 'WAGE_UNDERPAID'
        | 'PAY_SHEET_MISSING'
        | 'LABOR_COST_NOT_APPROPRIATED'
        | 'ACCOUNT_BALANCE_SHORTFALL'
        | 'DEPOSIT_SHORTFALL'
        | 'DEPOSIT_GUARANTEE_EXPIRING'
        | 'FUNDS_DIVERTED'
        | 'PAYEE_NOT_ON_ROSTER'
        | 'SHARED_BANK_CARD'
        | 'ABNORMAL_PAYOUT'
        | 'NO_WAGE_ACCOUNT'
        | 'REAL_NAME_GAP'
        | 'BANK_FEED_STALE'
        | 'WORKER_PAY_DISPUTED'
        | 'RECTIFICATION_OVERDUE';
      employerCreditCode: string | null;
      /** @description the enforcement case opened from the alert (立案); null while there is none */
      enforcementCase: {
        closeBy: string;
        closedAt: string | null;
        closureCode: string | null;
        id: string;
        /** @description an instant, ISO 8601 in UTC */
        openedAt: string;
        /** @enum {string} */
        status: 'OPEN' | 'CLOSED';
      } | null;
      /** @description while it waits to be acknowledged at a severity that escalates: when it goes up */
      escalation: {
        /** @description an instant, ISO 8601 in UTC */
        dueAt: string;
        escalated: boolean;
        hours: number;
      } | null;
      evidence: {
        amounts: {
          [key: string]: number;
        };
        /** @description anything else the rule found, as JSON */
        facts: {
          [key: string]: unknown;
        };
        parameters: {
          [key: string]: number | string | boolean | null;
        };
        transactions: {
          accountNumber: string;
          amountFen: number;
          counterpartyAccountMasked?: string;
          counterpartyName?: string;
          /** @enum {string} */
          kind: 'APPROPRIATION' | 'PAYROLL' | 'WITHDRAWAL' | 'TRANSFER' | 'REFUND' | 'INTEREST' | 'FEE';
          /** Format: date-time */
          occurredAt: string;
          serialNo: string;
        }[];
        workers: {
          amountDueFen?: number;
          amountPaidFen?: number;
          cardMasked?: string;
          idHash: string;
          idMasked: string;
          name?: string;
        }[];
        workersAffected: number;
      };
      /** @description the project's grid (9 or 12 digits), when it has one */
      gridCode?: string;
      history: {
        /** @enum {string} */
        action:
          | 'RAISED'
          | 'UPDATED'
          | 'PERSISTS'
          | 'REOPENED'
          | 'CLEARED'
          | 'SUPPRESSED'
          | 'ACKNOWLEDGED'
          | 'ASSIGNED'
          | 'RESOLVED'
          | 'DISMISSED'
          | 'ESCALATED'
          | 'CASE_OPENED'
          | 'CASE_CLOSED'
          | 'VERIFIED';
        /** @description who: a user (`user:wang.jianguo`), rules-engine, or system */
        actor: string;
        /** @description an instant, ISO 8601 in UTC */
        at: string;
        fromStatus: ('OPEN' | 'ACKNOWLEDGED' | 'RESOLVED' | 'DISMISSED' | 'CLEARED') | null;
        note: string | null;
        /**
         * @description on a VERIFIED entry: the site visit's result
         * @enum {string}
         */
        result?: 'CONFIRMED' | 'NOT_CONFIRMED' | 'CORRECTED';
        severity: ('BLUE' | 'YELLOW' | 'ORANGE' | 'RED') | null;
        toStatus: ('OPEN' | 'ACKNOWLEDGED' | 'RESOLVED' | 'DISMISSED' | 'CLEARED') | null;
        /** @description on a VERIFIED entry: the visit that verified the alert */
        visitId?: string;
      }[];
      id: string;
      month: string | null;
      projectCode: string;
      /** @description an instant, ISO 8601 in UTC */
      raisedAt: string;
      regionCode: string;
      /** @enum {string} */
      severity: 'BLUE' | 'YELLOW' | 'ORANGE' | 'RED';
      /** @enum {string} */
      status: 'OPEN' | 'ACKNOWLEDGED' | 'RESOLVED' | 'DISMISSED' | 'CLEARED';
      title: string;
      /** @description an instant, ISO 8601 in UTC */
      updatedAt: string;
    };
    AlertsAcknowledgeRequest: {
      note?: string;
    };
    AlertsAssignRequest: {
      note?: string;
      username: string;
    };
    AlertsDismissRequest: {
      reason: string;
    };
    AlertsResolveRequest: {
      note: string;
    };
    /** ApiError */
    ApiError: {
      /** @description one entry per problem: a field of the request, or a row of a batch */
      details: ({
        code?: string;
        field?: string;
        /** @description the row's index in a batch */
        index?: number;
        message?: string;
      } & {
        [key: string]: unknown;
      })[];
      /** @description a stable code, e.g. BAD_REQUEST, INVALID_ROWS, FORBIDDEN */
      error: string;
      /** @description what was wrong and how to fix it, in English */
      message: string;
    };
    AttendanceReportRequest: {
      /** @description a month YYYY-MM */
      month: string;
      records: {
        daysWorked: number;
        idNumber: string;
      }[];
    };
    BanksRegisterRequest: {
      code: string;
      name: string;
    };
    BlacklistDecideRequest: {
      listed: boolean;
      note?: string;
    };
    BlacklistGiveRequest: {
      /** Format: uuid */
      caseId: string;
      /** @description 18-character unified social credit code (GB 32100) with a valid check character */
      creditCode: string;
      persons: {
        /** @description 18-character identity number (GB 11643) */
        idNumber: string;
        name: string;
        /** @enum {string} */
        role: 'LEGAL_REPRESENTATIVE' | 'RESPONSIBLE_MANAGER';
      }[];
      reason?: string;
    };
    BlacklistRemoveRequest: {
      pledgeReference: string;
    };
    BlacklistStateRequest: {
      text: string;
    };
    CalendarPutRequest: {
      holidays: string[];
      source: string;
      workingDays: string[];
    };
    CasesActRequest: {
      /** @description an amount in yuan as a string with at most two decimals, above zero */
      amount?: string;
      /** @enum {string} */
      article?: 'ART_54_UNIT' | 'ART_54_PERSON' | 'ART_55' | 'ART_56' | 'ART_57';
      /** Format: date-time */
      at: string;
      /**
       * Format: date
       * @description a calendar date YYYY-MM-DD
       */
      deadline?: string;
      documentNo?: string;
      /** @enum {string} */
      kind:
        | 'SUMMONS'
        | 'SITE_INSPECTION'
        | 'RECTIFICATION_ORDER'
        | 'HANDLING_DECISION'
        | 'PENALTY'
        | 'EXTRA_COMPENSATION'
        | 'TRANSFER_POLICE'
        | 'TRANSFER_DEPARTMENT'
        | 'EXTENSION';
      /** @description a month YYYY-MM */
      month?: string;
      note: string;
    };
    CasesCloseRequest: {
      /** @enum {string} */
      code:
        | 'PENALTY'
        | 'HANDLED'
        | 'WITHDRAWN'
        | 'TRANSFERRED_POLICE'
        | 'TRANSFERRED_DEPARTMENT'
        | 'REFUSED'
        | 'ARBITRATION';
      /** @description 18-character unified social credit code (GB 32100) with a valid check character */
      employerCreditCode?: string;
      finding: {
        circumstances?: ('GROUP_INCIDENT' | 'REFUSED_ORDER' | 'OBSTRUCTED_INSPECTION' | 'PROSECUTED')[];
        unpaidWages: boolean;
        violations: string[];
      };
      summary: string;
    };
    CasesCreateRequest:
      | {
          /**
           * Format: uuid
           * @description the alert's id in alert-service
           */
          alertId: string;
        }
      | {
          projectCode: string;
          summary: string;
        };
    CasesRecoverRequest: {
      /** @description an amount in yuan as a string with at most two decimals, above zero */
      amount: string;
      note?: string;
      /**
       * Format: date
       * @description a calendar date YYYY-MM-DD
       */
      paidOn: string;
      workers: number;
    };
    ComplaintsAcceptRequest: {
      note?: string;
    };
    ComplaintsCreateRequest: {
      /** @description an amount in yuan as a string with at most two decimals, above zero */
      amountOwed?: string;
      complainant: {
        confidential?: boolean;
        /** @description 18-character identity number (GB 11643) */
        idNumber?: string;
        name: string;
        /** @description a mobile or landline number */
        phone: string;
      };
      description: string;
      employer: {
        address?: string;
        /** @description 18-character unified social credit code (GB 32100) with a valid check character */
        creditCode?: string;
        name: string;
      };
      /** @enum {string} */
      kind: 'COMPLAINT' | 'REPORT' | 'CLUE';
      /** @description a month YYYY-MM */
      periodFrom: string;
      /** @description a month YYYY-MM */
      periodTo: string;
      projectCode?: string;
      /** @description the six-digit GB/T 2260 code of a district, not 000000 */
      regionCode: string;
      workersAffected?: number;
    };
    ComplaintsReceiveSupplementRequest: {
      text: string;
    };
    ComplaintsRefuseRequest: {
      reason: string;
      redirectTo?: string;
    };
    ComplaintsRequestSupplementRequest: {
      what: string;
    };
    /** CoverageMetrics */
    CoverageMetrics: {
      allSystems: components['schemas']['MetricShare'];
      bankPayroll: components['schemas']['MetricShare'];
      deposit: components['schemas']['MetricShare'];
      monthlyFullPayment: components['schemas']['MetricShare'];
      realName: components['schemas']['MetricShare'];
      wageAccount: components['schemas']['MetricShare'];
    };
    DepositsMoveRequest: {
      amount: string;
      /** @enum {string} */
      kind: 'DRAWDOWN' | 'TOPUP' | 'RELEASE';
      /** Format: date-time */
      occurredAt: string;
    };
    DepositsRecordRequest: {
      amount: string;
      /** @description only when a project declares its deposit: the bank (or guarantor) holding it, which must confirm it before it counts */
      bankCode?: string;
      /** Format: date */
      effectiveOn: string;
      /** Format: date */
      expiresOn?: string;
      /** @enum {string} */
      form: 'CASH' | 'GUARANTEE';
      projectCode: string;
      reference?: string;
    };
    EvaluationsRunRequest: {
      /** Format: date-time */
      asOf?: string;
      month?: string;
      projectCode?: string;
    };
    GradingsRunRequest: {
      /** @description a GB/T 2260 region code: six digits (350206), a 街道/乡镇 of nine (350206001) or a 社区/村 of twelve (350206001001); 000000 for the country */
      regionCode?: string;
      year: number;
    };
    /** MetricShare */
    MetricShare: {
      count: number;
      of: number;
      /** @description one decimal; null when the metric applies to no project, or while it is pending */
      pct: number | null;
      /** @description a payment metric before the month's wages fall due: the last day they may be paid */
      pendingUntil?: string;
    };
    PaySheetsAcceptRequest: {
      /** @description why: what the inspector checked (attendance, bank payroll, the workers heard) */
      reason: string;
    };
    PaySheetsRejectRequest: {
      /** @description why: what the inspector checked (attendance, bank payroll, the workers heard) */
      reason: string;
    };
    PaySheetsSubmitRequest: {
      lines: {
        grossPay: string;
        idNumber: string;
        netPay: string;
      }[];
      /** @description a month YYYY-MM */
      month: string;
    };
    ProjectsApproveRequest: {
      /** @description the decider's note, e.g. what the site visit found */
      note?: string;
    };
    ProjectsChangeStatusRequest: {
      /**
       * Format: date
       * @description a calendar date YYYY-MM-DD
       */
      effectiveDate?: string;
      gridCode?: string | null;
      /** @description why: the stop-work order, the completion acceptance (竣工验收), the resumption */
      reason?: string;
      /** @enum {string} */
      status?: 'IN_CONSTRUCTION' | 'SUSPENDED' | 'COMPLETED';
    };
    ProjectsRegisterRequest: {
      code: string;
      /** @description an amount in yuan as a string with at most two decimals, above zero */
      contractAmount: string;
      contractor: {
        /** @description 18-character unified social credit code (GB 32100) with a valid check character */
        creditCode: string;
        name: string;
      };
      /** @description the 街道/乡镇 (9 digits) or 社区/村 (12 digits) of the project's district its site is in */
      gridCode?: string;
      name: string;
      owner: {
        /** @description 18-character unified social credit code (GB 32100) with a valid check character */
        creditCode?: string;
        name: string;
      };
      payday: number;
      /**
       * Format: date
       * @description a calendar date YYYY-MM-DD
       */
      plannedEndDate?: string;
      /** @description the six-digit GB/T 2260 code of the district (county-level division) the project is in */
      regionCode: string;
      /**
       * Format: date
       * @description a calendar date YYYY-MM-DD
       */
      startDate: string;
    };
    ProjectsRejectRequest: {
      /** @description the decider's note, e.g. what the site visit found */
      note?: string;
    };
    RulesSetRequest: {
      /** Format: date */
      effectiveFrom: string;
      parameters: {
        [key: string]: number | null;
      };
      reason?: string;
      reevaluate?: boolean;
    };
    TransactionsRecordRequest: {
      /**
       * Format: date-time
       * @description the bank states that the account's feed is complete up to this instant: every transaction that occurred by then has been sent. May come with no transactions ("nothing more through this instant"). Never in the future, never before the account was opened; a value below the one already stated is accepted and changes nothing.
       */
      statementThrough?: string;
      /** @description the transactions, in any order; empty only when statementThrough is given */
      transactions: {
        amount: string;
        counterparty: {
          /** @description the counterparty's card or account number; required except for a cash WITHDRAWAL at the counter (现金支取) or a bank FEE, which have none */
          accountNumber?: string;
          idNumber?: string;
          name: string;
        };
        /** @enum {string} */
        direction: 'CREDIT' | 'DEBIT';
        /** @enum {string} */
        kind: 'APPROPRIATION' | 'PAYROLL' | 'WITHDRAWAL' | 'TRANSFER' | 'REFUND' | 'INTEREST' | 'FEE';
        memo?: string;
        occurredAt: string;
        payrollMonth?: string;
        serialNo: string;
      }[];
    };
    /** User */
    User: {
      /** @description an instant, ISO 8601 in UTC */
      createdAt: string;
      disabled: boolean;
      disabledAt: string | null;
      displayName: string;
      email: string | null;
      regionCode: string;
      /** @enum {string} */
      role: 'INSPECTOR' | 'LEADER' | 'ADMIN' | 'GRID_ASSISTANT';
      username: string;
    };
    UsersChangeRequest: {
      /** @description true disables the user (no login, no notifications); false enables them again */
      disabled?: boolean;
      displayName?: string;
      /** @description a new password (a reset); tell it to the user by another channel */
      password?: string;
      /** @description a GB/T 2260 region code: six digits (350206), a 街道/乡镇 of nine (350206001) or a 社区/村 of twelve (350206001001); 000000 for the country */
      regionCode?: string;
      /** @enum {string} */
      role?: 'INSPECTOR' | 'LEADER' | 'ADMIN' | 'GRID_ASSISTANT';
    };
    UsersCreateRequest: {
      /**
       * Format: uri
       * @description an http:// or https:// URL
       */
      dingtalkWebhook?: string;
      displayName: string;
      /** Format: email */
      email?: string;
      password: string;
      /** @description a GB/T 2260 region code: six digits (350206), a 街道/乡镇 of nine (350206001) or a 社区/村 of twelve (350206001001); 000000 for the country */
      regionCode: string;
      /** @enum {string} */
      role: 'INSPECTOR' | 'LEADER' | 'ADMIN' | 'GRID_ASSISTANT';
      username: string;
      /**
       * Format: uri
       * @description an http:// or https:// URL
       */
      webhookUrl?: string;
      /**
       * Format: uri
       * @description an http:// or https:// URL
       */
      wecomWebhook?: string;
    };
    UsersLoginRequest: {
      password: string;
      username: string;
    };
    VisitsCreateRequest: {
      /**
       * Format: date-time
       * @description when the visit took place: not in the future, at most 31 days ago
       */
      at: string;
      /** @description what the visit found (1–2000 characters); no worker identities */
      findings: string;
      projectCode: string;
      verifies?:
        | {
            /**
             * Format: uuid
             * @description the alert's id in alert-service
             */
            alertId: string;
            /**
             * @description CONFIRMED (the data is right), NOT_CONFIRMED (the site says otherwise) or CORRECTED (put right)
             * @enum {string}
             */
            result: 'CONFIRMED' | 'NOT_CONFIRMED' | 'CORRECTED';
          }
        | {
            /**
             * Format: uuid
             * @description the complaint or clue id
             */
            complaintId: string;
            /**
             * @description CONFIRMED (the data is right), NOT_CONFIRMED (the site says otherwise) or CORRECTED (put right)
             * @enum {string}
             */
            result: 'CONFIRMED' | 'NOT_CONFIRMED' | 'CORRECTED';
          };
    };
    WageAccountsOpenRequest: {
      accountNumber: string;
      bankCode: string;
      /** Format: date */
      openedOn: string;
      projectCode: string;
    };
    WorkerCluesCreateRequest: {
      /** @description an amount in yuan as a string with at most two decimals, above zero */
      amountOwed?: string;
      description: string;
      /** @description a month YYYY-MM */
      periodFrom: string;
      /** @description a month YYYY-MM */
      periodTo: string;
      /** @description a mobile number to call back */
      phone: string;
      projectCode: string;
      workersAffected?: number;
    };
    /** WorkerMonthAnswer */
    WorkerMonthsConfirmRequest: {
      /** @description what the worker wants to add */
      note?: string;
      /**
       * @description for a dispute: AMOUNT_WRONG (金额不对), NOT_RECEIVED (没收到), CARD_NOT_MINE (工资卡不是我的/不在我手里)
       * @enum {string}
       */
      reason?: 'AMOUNT_WRONG' | 'NOT_RECEIVED' | 'CARD_NOT_MINE';
      /**
       * @description CONFIRMED (工资无误) or DISPUTED (有异议)
       * @enum {string}
       */
      result: 'CONFIRMED' | 'DISPUTED';
    };
    /** WorkerCodeRequest */
    WorkerSignInCodesRequest: {
      /** @description the identity number on the roll (18 characters) */
      idNumber: string;
      /** @description the mobile number on the roll */
      phone: string;
    };
    /** WorkerSessionRequest */
    WorkerSignInSessionsRequest: {
      /** @description the 6-digit code sent by SMS */
      code: string;
      /** @description the identity number on the roll (18 characters) */
      idNumber: string;
      /** @description the mobile number on the roll */
      phone: string;
    };
    WorkersUpsertRequest: {
      workers: {
        bankCard?: {
          bankCode: string;
          cardNumber: string;
        };
        entryDate: string;
        exitDate?: string;
        idNumber: string;
        name: string;
        phone?: string;
        team?: string;
        trade?: string;
      }[];
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  Alerts_list: {
    parameters: {
      query?: {
        code?:
          | 'WAGE_ARREARS'
          | 'WAGE_UNDERPAID'
          | 'PAY_SHEET_MISSING'
          | 'LABOR_COST_NOT_APPROPRIATED'
          | 'ACCOUNT_BALANCE_SHORTFALL'
          | 'DEPOSIT_SHORTFALL'
          | 'DEPOSIT_GUARANTEE_EXPIRING'
          | 'FUNDS_DIVERTED'
          | 'PAYEE_NOT_ON_ROSTER'
          | 'SHARED_BANK_CARD'
          | 'ABNORMAL_PAYOUT'
          | 'NO_WAGE_ACCOUNT'
          | 'REAL_NAME_GAP'
          | 'BANK_FEED_STALE'
          | 'WORKER_PAY_DISPUTED'
          | 'RECTIFICATION_OVERDUE';
        /** @description a month YYYY-MM */
        month?: string;
        /** @description true: only alerts still to be handled (OPEN or ACKNOWLEDGED); false: only closed ones */
        open?: 'true' | 'false';
        page?: number;
        pageSize?: number;
        projectCode?: string;
        /** @description a GB/T 2260 region code: six digits (350206), a 街道/乡镇 of nine (350206001) or a 社区/村 of twelve (350206001001); 000000 for the country */
        regionCode?: string;
        severity?: 'BLUE' | 'YELLOW' | 'ORANGE' | 'RED';
        /** @description recent (the default): newest first; urgency: most severe first, then the longest raised (the work order) */
        sort?: 'recent' | 'urgency';
        status?: 'OPEN' | 'ACKNOWLEDGED' | 'RESOLVED' | 'DISMISSED' | 'CLEARED';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description one page: { items, total, totalCapped, page, pageSize, counts }; `total` counts up to 10,000 (`totalCapped: true` beyond) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description the caller's caseload: to acknowledge, in hand, past the escalation deadline */
            counts: {
              acknowledged: number;
              open: number;
              overdue: number;
            };
            items: components['schemas']['Alert'][];
            page: number;
            pageSize: number;
            /** @description counted up to 10,000 */
            total: number;
            /** @description more than 10,000 alerts match: `total` is 10,000 */
            totalCapped: boolean;
          };
        };
      };
    };
  };
  Alerts_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description the alert id (a UUID) */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the alert; evidence shows identity and card numbers only masked */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Alert'];
        };
      };
    };
  };
  Alerts_acknowledge: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description the alert id (a UUID) */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['AlertsAcknowledgeRequest'];
      };
    };
    responses: {
      /** @description the alert, ACKNOWLEDGED */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Alert'];
        };
      };
    };
  };
  Alerts_assign: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description the alert id (a UUID) */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['AlertsAssignRequest'];
      };
    };
    responses: {
      /** @description the alert with its assignee */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Alert'];
        };
      };
    };
  };
  Alerts_assignees: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description the alert id (a UUID) */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description { items: [{ username, displayName, role, regionCode }] } */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: {
              displayName: string;
              regionCode: string;
              /** @enum {string} */
              role: 'INSPECTOR' | 'LEADER' | 'ADMIN' | 'GRID_ASSISTANT';
              username: string;
            }[];
          };
        };
      };
    };
  };
  Alerts_dismiss: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description the alert id (a UUID) */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['AlertsDismissRequest'];
      };
    };
    responses: {
      /** @description the alert, DISMISSED */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Alert'];
        };
      };
    };
  };
  Alerts_resolve: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description the alert id (a UUID) */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['AlertsResolveRequest'];
      };
    };
    responses: {
      /** @description the alert, RESOLVED */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Alert'];
        };
      };
    };
  };
  Alerts_live: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description a text/event-stream that stays open until the token expires */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  Arrears_arrears: {
    parameters: {
      query?: {
        /** @description a month YYYY-MM */
        month?: string;
        /** @description a GB/T 2260 region code: six digits (350206), a 街道/乡镇 of nine (350206001) or a 社区/村 of twelve (350206001001); 000000 for the country */
        regionCode?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the figures of the region (the caller's by default) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description wages owed in yuan with two decimals */
            amountOutstanding: string;
            amountOutstandingFen: number;
            byCodeAndSeverity: {
              /** @description wages owed in yuan with two decimals */
              amountOutstanding: string;
              amountOutstandingFen: number;
              /** @enum {string} */
              code:
                | 'WAGE_ARREARS'
                | 'WAGE_UNDERPAID'
                | 'PAY_SHEET_MISSING'
                | 'LABOR_COST_NOT_APPROPRIATED'
                | 'ACCOUNT_BALANCE_SHORTFALL'
                | 'DEPOSIT_SHORTFALL'
                | 'DEPOSIT_GUARANTEE_EXPIRING'
                | 'FUNDS_DIVERTED'
                | 'PAYEE_NOT_ON_ROSTER'
                | 'SHARED_BANK_CARD'
                | 'ABNORMAL_PAYOUT'
                | 'NO_WAGE_ACCOUNT'
                | 'REAL_NAME_GAP'
                | 'BANK_FEED_STALE'
                | 'WORKER_PAY_DISPUTED'
                | 'RECTIFICATION_OVERDUE';
              openAlerts: number;
              /** @enum {string} */
              severity: 'BLUE' | 'YELLOW' | 'ORANGE' | 'RED';
              workersAffected: number;
            }[];
            children: {
              /** @description wages owed in yuan with two decimals */
              amountOutstanding: string;
              amountOutstandingFen: number;
              openAlerts: number;
              otherAlerts: number;
              regionCode: string;
              /** @description wages owed (WAGE_ARREARS, WAGE_UNDERPAID) apart from gaps and risks */
              unpaidWages: {
                /** @description wages owed in yuan with two decimals */
                amountOutstanding: string;
                amountOutstandingFen: number;
                openAlerts: number;
                workersAffected: number;
              };
              workersAffected: number;
            }[];
            month: string | null;
            openAlerts: number;
            otherAlerts: number;
            regionCode: string;
            /** @description wages owed (WAGE_ARREARS, WAGE_UNDERPAID) apart from gaps and risks */
            unpaidWages: {
              /** @description wages owed in yuan with two decimals */
              amountOutstanding: string;
              amountOutstandingFen: number;
              openAlerts: number;
              workersAffected: number;
            };
            workersAffected: number;
          };
        };
      };
    };
  };
  Users_login: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UsersLoginRequest'];
      };
    };
    responses: {
      /** @description logged in */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description send it as Authorization: Bearer <token> */
            accessToken: string;
          };
        };
      };
    };
  };
  Banks_register: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['BanksRegisterRequest'];
      };
    };
    responses: {
      /** @description registered; keep the key, it is not shown again */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': unknown;
        };
      };
    };
  };
  Blacklist_list: {
    parameters: {
      query?: {
        employer?: string;
        page?: number;
        pageSize?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description one page: { items, total, page, pageSize } */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  Blacklist_give: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['BlacklistGiveRequest'];
      };
    };
    responses: {
      /** @description { id, status: NOTIFIED, creditCode, caseId, noticeOn, statementBy } */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  Blacklist_decide: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description the listing procedure id (a UUID) */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['BlacklistDecideRequest'];
      };
    };
    responses: {
      /** @description { id, status: LISTED|NOT_LISTED|ENDED_BY_PAYMENT, decidedOn, listedUntil } */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  Blacklist_remove: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description the listing procedure id (a UUID) */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['BlacklistRemoveRequest'];
      };
    };
    responses: {
      /** @description { id, status: REMOVED, removedOn } */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  Blacklist_state: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description the listing procedure id (a UUID) */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['BlacklistStateRequest'];
      };
    };
    responses: {
      /** @description { id, status, statementRecorded: true } */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  Blacklist_export: {
    parameters: {
      query?: {
        employer?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the workbook (application/vnd.openxmlformats-officedocument.spreadsheetml.sheet) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  Blacklist_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description the listing procedure id (a UUID) */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the procedure with persons and audit */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  Calendar_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description the year, e.g. 2027 */
        year: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description { year, known, source, holidays, workingDays, version, enteredBy, enteredAt, versions } */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': unknown;
        };
      };
    };
  };
  Calendar_put: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description the year, e.g. 2027 */
        year: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CalendarPutRequest'];
      };
    };
    responses: {
      /** @description the version entered, and what re-evaluating did */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  Cases_list: {
    parameters: {
      query?: {
        employer?: string;
        overdue?: 'true' | 'false';
        page?: number;
        pageSize?: number;
        /** @description a GB/T 2260 region code: six digits (350206), a 街道/乡镇 of nine (350206001) or a 社区/村 of twelve (350206001001); 000000 for the country */
        regionCode?: string;
        status?: 'OPEN' | 'CLOSED';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description one page: { items, total, page, pageSize } */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  Cases_create: {
    parameters: {
      query?: never;
      header: {
        authorization: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CasesCreateRequest'];
      };
    };
    responses: {
      /** @description { id, closeBy } */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  Cases_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description the case id (a UUID) */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the case; owed, recovered and outstanding wages in yuan */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  Cases_act: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description the case id (a UUID) */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CasesActRequest'];
      };
    };
    responses: {
      /** @description { id, caseId, kind, clock, watchedMonths? } (watchedMonths: an order) */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  Cases_close: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description the case id (a UUID) */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CasesCloseRequest'];
      };
    };
    responses: {
      /** @description { id, status: CLOSED, code, withinLimit } */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  Cases_document: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description the action's id, from the case's actions */
        actionId: string;
        /** @description the case id (a UUID) */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the PDF (Content-Disposition names the document and its number) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/pdf': string;
        };
      };
    };
  };
  Cases_recover: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description the case id (a UUID) */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CasesRecoverRequest'];
      };
    };
    responses: {
      /** @description { id, caseId, wages: { owed, recovered, outstanding } } */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  Complaints_list: {
    parameters: {
      query?: {
        kind?: 'COMPLAINT' | 'REPORT' | 'CLUE';
        page?: number;
        pageSize?: number;
        /** @description a GB/T 2260 region code: six digits (350206), a 街道/乡镇 of nine (350206001) or a 社区/村 of twelve (350206001001); 000000 for the country */
        regionCode?: string;
        status?: 'PENDING' | 'SUPPLEMENT_REQUESTED' | 'ACCEPTED' | 'REFUSED';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description one page: { items, total, page, pageSize }, closest deadline first */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  Complaints_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ComplaintsCreateRequest'];
      };
    };
    responses: {
      /** @description { id, acceptBy, duplicateOf } */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  Complaints_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description the complaint id (a UUID) */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the complaint; numbers masked, a confidential reporter hidden */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  Complaints_accept: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description the complaint id (a UUID) */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ComplaintsAcceptRequest'];
      };
    };
    responses: {
      /** @description { caseId, closeBy, acceptedWithinLimit } */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  Complaints_refuse: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description the complaint id (a UUID) */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ComplaintsRefuseRequest'];
      };
    };
    responses: {
      /** @description { id, status: REFUSED } */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  Complaints_requestSupplement: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description the complaint id (a UUID) */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ComplaintsRequestSupplementRequest'];
      };
    };
    responses: {
      /** @description { id, status: SUPPLEMENT_REQUESTED } */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  Complaints_receiveSupplement: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description the complaint id (a UUID) */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ComplaintsReceiveSupplementRequest'];
      };
    };
    responses: {
      /** @description { id, status: PENDING, acceptBy } */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  Coverage_coverage: {
    parameters: {
      query?: {
        /** @description a month YYYY-MM */
        month?: string;
        /** @description a GB/T 2260 region code: six digits (350206), a 街道/乡镇 of nine (350206001) or a 社区/村 of twelve (350206001001); 000000 for the country */
        regionCode?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description { regionCode, regionName, month, projectsInConstruction, metrics, children } */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            children: {
              metrics: components['schemas']['CoverageMetrics'];
              projectsInConstruction: number;
              regionCode: string;
              regionName: string | null;
            }[];
            metrics: components['schemas']['CoverageMetrics'];
            month: string;
            projectsInConstruction: number;
            regionCode: string;
            /** @description the GB/T 2260 name; null for a code it does not know */
            regionName: string | null;
          };
        };
      };
    };
  };
  Coverage_trend: {
    parameters: {
      query?: {
        /** @description a month YYYY-MM */
        from?: string;
        /** @description a GB/T 2260 region code: six digits (350206), a 街道/乡镇 of nine (350206001) or a 社区/村 of twelve (350206001001); 000000 for the country */
        regionCode?: string;
        /** @description a month YYYY-MM */
        to?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the monthly series */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            from: string;
            regionCode: string;
            series: {
              metrics: components['schemas']['CoverageMetrics'];
              month: string;
              projectsInConstruction: number;
            }[];
            to: string;
          };
        };
      };
    };
  };
  Deposits_list: {
    parameters: {
      query: {
        asOf?: string;
        projectCode: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the deposits and the total in force, in fen */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  Deposits_record: {
    parameters: {
      query?: never;
      header?: {
        /** @description a key of your choosing for this request; a repeat with the same key and body answers as the first did, the same key with a different body is 409 */
        'idempotency-key'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['DepositsRecordRequest'];
      };
    };
    responses: {
      /** @description recorded (confirmed: true), or declared pending the bank (confirmed: false) */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  Deposits_confirm: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description the deposit id (a UUID) */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the deposit, confirmed */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  Deposits_move: {
    parameters: {
      query?: never;
      header?: {
        /** @description a key of your choosing for this request; a repeat with the same key and body answers as the first did, the same key with a different body is 409 */
        'idempotency-key'?: string;
      };
      path: {
        /** @description the deposit id (a UUID) */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['DepositsMoveRequest'];
      };
    };
    responses: {
      /** @description recorded; the deposit with its new balance */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  Employers_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description 18-character unified social credit code (GB 32100) */
        creditCode: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description { creditCode, name, grade, grades, findings, projects, blacklist: { listed, listing, procedures } } */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  Statistics_get: {
    parameters: {
      query?: {
        /** @description a month YYYY-MM */
        from?: string;
        /** @description a GB/T 2260 region code: six digits (350206), a 街道/乡镇 of nine (350206001) or a 社区/村 of twelve (350206001001); 000000 for the country */
        regionCode?: string;
        /** @description a month YYYY-MM */
        to?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description { regionCode, from, to, casesOpened, …, recoveryRate, children:[…] } */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  Evaluations_run: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['EvaluationsRunRequest'];
      };
    };
    responses: {
      /** @description what the run did; for a dry run, what the rules found at `asOf` */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': unknown;
        };
      };
    };
  };
  Gradings_list: {
    parameters: {
      query?: {
        grade?: 'A' | 'B' | 'C';
        page?: number;
        pageSize?: number;
        /** @description a GB/T 2260 region code: six digits (350206), a 街道/乡镇 of nine (350206001) or a 社区/村 of twelve (350206001001); 000000 for the country */
        regionCode?: string;
        year?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description one page: { items, total, page, pageSize } */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  Gradings_run: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['GradingsRunRequest'];
      };
    };
    responses: {
      /** @description { year, regionCode, graded, changed, counts: { A, B, C } } */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  Gradings_summary: {
    parameters: {
      query?: {
        /** @description a GB/T 2260 region code: six digits (350206), a 街道/乡镇 of nine (350206001) or a 社区/村 of twelve (350206001001); 000000 for the country */
        regionCode?: string;
        year?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description { regionCode, year, listingsYear, grades: { A, B, C }, listings, removals, listedNow, children: [...] } */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  Grids_get: {
    parameters: {
      query?: {
        /** @description the month counted; this month by default */
        month?: string;
        /** @description a district or above, or a 街道/乡镇; the caller's region by default */
        regionCode?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the region's grids with their visits and verifications in the month, and how many were visited */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description the grids a grid assistant visited that month, of all the grids */
            coverage: {
              count: number;
              of: number;
              /** @description count of `of` in percent, one decimal; null without grids */
              pct: number | null;
            };
            grids: {
              /** @description grid assistants who recorded a visit that month */
              assistantsVisiting: number;
              gridCode: string;
              /** @description the grid's name in 统计用区划代码, when known */
              gridName: string | null;
              openVerifications: number;
              overdueVerifications: number;
              /** @description projects in construction in the grid */
              projects: number;
              visitsThisMonth: number;
            }[];
            /** @description a month, YYYY-MM */
            month: string;
            regionCode: string;
          };
        };
      };
    };
  };
  Notifications_list: {
    parameters: {
      query: {
        alertId: string;
        page?: number;
        pageSize?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description one page: { items, total, page, pageSize } */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  Projects_register: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ProjectsRegisterRequest'];
      };
    };
    responses: {
      /** @description registered; keep the key, it is not shown again */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': unknown;
        };
      };
    };
  };
  Projects_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description the project code given when it was registered */
        code: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the project, amounts in yuan strings */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': unknown;
        };
      };
    };
  };
  Projects_changeStatus: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description the project code given when it was registered */
        code: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ProjectsChangeStatusRequest'];
      };
    };
    responses: {
      /** @description the project with its new status (or unchanged: it already has that status) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description the project's request, pending an inspector's or administrator's decision */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  Attendance_report: {
    parameters: {
      query?: never;
      header?: {
        /** @description a key of your choosing for this request; a repeat with the same key and body answers as the first did, the same key with a different body is 409 */
        'idempotency-key'?: string;
      };
      path: {
        /** @description the project code given when it was registered */
        code: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['AttendanceReportRequest'];
      };
    };
    responses: {
      /** @description stored */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': unknown;
        };
      };
    };
  };
  PaySheets_submit: {
    parameters: {
      query?: never;
      header?: {
        /** @description a key of your choosing for this request; a repeat with the same key and body answers as the first did, the same key with a different body is 409 */
        'idempotency-key'?: string;
      };
      path: {
        /** @description the project code given when it was registered */
        code: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['PaySheetsSubmitRequest'];
      };
    };
    responses: {
      /** @description stored; replaces any earlier sheet of the month */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description kept as a revision awaiting an inspector; the sheet in force is unchanged */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': unknown;
        };
      };
    };
  };
  PaySheets_list: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description the project code given when it was registered */
        code: string;
        /** @description the month of the pay sheet, YYYY-MM */
        month: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the revisions */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  PaySheets_accept: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description the project code given when it was registered */
        code: string;
        /** @description the revision id (a UUID) */
        id: string;
        /** @description the month of the pay sheet, YYYY-MM */
        month: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['PaySheetsAcceptRequest'];
      };
    };
    responses: {
      /** @description the accepted revision */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  PaySheets_reject: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description the project code given when it was registered */
        code: string;
        /** @description the revision id (a UUID) */
        id: string;
        /** @description the month of the pay sheet, YYYY-MM */
        month: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['PaySheetsRejectRequest'];
      };
    };
    responses: {
      /** @description the rejected revision */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  Projects_rightsBoard: {
    parameters: {
      query?: {
        size?: 'A4' | 'A3';
      };
      header?: never;
      path: {
        /** @description the project code given when it was registered */
        code: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the PDF (Content-Disposition names the project and the paper size) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/pdf': string;
        };
      };
    };
  };
  Projects_listStatusRequests: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description the project code given when it was registered */
        code: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the requests */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  Projects_approve: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description the project code given when it was registered */
        code: string;
        /** @description the status request id (a UUID) */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ProjectsApproveRequest'];
      };
    };
    responses: {
      /** @description the decided request and the project with its status */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  Projects_reject: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description the project code given when it was registered */
        code: string;
        /** @description the status request id (a UUID) */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ProjectsRejectRequest'];
      };
    };
    responses: {
      /** @description the decided request */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  Workers_list: {
    parameters: {
      query?: {
        page?: number;
        pageSize?: number;
      };
      header?: never;
      path: {
        /** @description the project code given when it was registered */
        code: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description one page: { items, total, page, pageSize } */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  Workers_upsert: {
    parameters: {
      query?: never;
      header?: {
        /** @description a key of your choosing for this request; a repeat with the same key and body answers as the first did, the same key with a different body is 409 */
        'idempotency-key'?: string;
      };
      path: {
        /** @description the project code given when it was registered */
        code: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['WorkersUpsertRequest'];
      };
    };
    responses: {
      /** @description stored */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': unknown;
        };
      };
    };
  };
  Workers_import: {
    parameters: {
      query?: never;
      header?: {
        /** @description a key of your choosing for this request; a repeat with the same key and body answers as the first did, the same key with a different body is 409 */
        'idempotency-key'?: string;
      };
      path: {
        /** @description the project code given when it was registered */
        code: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'multipart/form-data': {
          /**
           * Format: binary
           * @description the roll as .csv or .xlsx, at most 20 MB
           */
          file: string;
        };
      };
    };
    responses: {
      /** @description stored */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': unknown;
        };
      };
    };
  };
  Rules_catalogue: {
    parameters: {
      query?: {
        regionCode?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the catalogue: each rule with its parameters, units and where each comes from */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  Rules_set: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description the six-digit GB/T 2260 region code */
        regionCode: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RulesSetRequest'];
      };
    };
    responses: {
      /** @description the catalogue as it applies in the region from effectiveFrom, and the audited `change` (who, when, reason) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  Users_list: {
    parameters: {
      query?: {
        /** @description true: only disabled users; false: only active ones */
        disabled?: 'true' | 'false';
        page?: number;
        pageSize?: number;
        /** @description a GB/T 2260 region code: six digits (350206), a 街道/乡镇 of nine (350206001) or a 社区/村 of twelve (350206001001); 000000 for the country */
        regionCode?: string;
        role?: 'INSPECTOR' | 'LEADER' | 'ADMIN' | 'GRID_ASSISTANT';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description one page: { items, total, page, pageSize } */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['User'][];
            page: number;
            pageSize: number;
            total: number;
          };
        };
      };
    };
  };
  Users_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UsersCreateRequest'];
      };
    };
    responses: {
      /** @description created; the user without the password */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            dingtalkWebhook: string | null;
            displayName: string;
            email: string | null;
            regionCode: string;
            /** @enum {string} */
            role: 'INSPECTOR' | 'LEADER' | 'ADMIN' | 'GRID_ASSISTANT';
            username: string;
            webhookUrl: string | null;
            wecomWebhook: string | null;
          };
        };
      };
    };
  };
  Users_change: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description the username */
        username: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UsersChangeRequest'];
      };
    };
    responses: {
      /** @description the user as GET /users lists them */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['User'];
        };
      };
    };
  };
  Verifications_list: {
    parameters: {
      query?: {
        /** @description a grid (街道/乡镇 of 9 digits or 社区/村 of 12) and the grids inside it */
        gridCode?: string;
        page?: number;
        pageSize?: number;
        status?: 'OPEN' | 'DONE' | 'ESCALATED' | 'WITHDRAWN';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description one page: { items: [{ id, subject, alertKey?, complaintId?, code?, severity?, projectCode?, gridCode, regionCode, requestedAt, dueBy, status, result?, visitId?, escalatedAt? }], total, page, pageSize } */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  VisitPlans_get: {
    parameters: {
      query?: {
        /** @description the grid; a grid assistant's own grid by default */
        gridCode?: string;
        /** @description the month planned; this month by default */
        month?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the grid's plan: the projects to visit, most urgent first, and those exempt from routine patrols */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description left out of routine patrols: the contractor's grade is exempt in the project's region */
            exempt: {
              projectCode: string;
              projectName: string;
              /** @enum {string} */
              reason: 'A_GRADE' | 'B_GRADE' | 'UNGRADED';
            }[];
            gridCode: string;
            items: {
              /** @description the grade in force of the project's contractor; null when not graded */
              employerGrade: ('A' | 'B' | 'C') | null;
              /** @description the last visit before the month, an ISO 8601 instant in UTC */
              lastVisitedAt: string | null;
              /** @description months without a visit after which the project is due one, by its grade and region; null when exempt */
              patrolIntervalMonths: number | null;
              projectCode: string;
              projectName: string;
              /** @description why the project is on the plan, in the plan's order */
              reasons: ('C_GRADE' | 'OPEN_ALERTS' | 'PATROL_DUE')[];
              visitedThisMonth: boolean;
            }[];
            /** @description a month, YYYY-MM */
            month: string;
          };
        };
      };
    };
  };
  Visits_list: {
    parameters: {
      query?: {
        /** @description visits on or after this day (Shanghai) */
        from?: string;
        /** @description a grid: 街道/乡镇 (9 digits) or 社区/村 (12 digits) */
        gridCode?: string;
        page?: number;
        pageSize?: number;
        projectCode?: string;
        /** @description visits on or before this day (Shanghai) */
        to?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description one page: { items, total, page, pageSize }; each visit with its photos */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  Visits_create: {
    parameters: {
      query?: never;
      header: {
        authorization: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['VisitsCreateRequest'];
      };
    };
    responses: {
      /** @description { id, projectCode, gridCode, at, findings, recordedBy, verifies?, photos: [] } */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  Visits_upload: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description the visit id (a UUID) */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'multipart/form-data': {
          /**
           * Format: binary
           * @description the photo: JPEG, PNG or WebP, at most 5 MiB
           */
          photo: string;
        };
      };
    };
    responses: {
      /** @description { id, name, contentType, size } */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  Visits_photo: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description the visit id (a UUID) */
        id: string;
        /** @description the photo's id, from the visit's photos */
        photoId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the photo (JPEG, PNG or WebP), served with nosniff */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'image/*': string;
        };
      };
    };
  };
  WageAccounts_open: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['WageAccountsOpenRequest'];
      };
    };
    responses: {
      /** @description opened */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': unknown;
        };
      };
    };
  };
  WageAccounts_get: {
    parameters: {
      query?: {
        asOf?: string;
      };
      header?: never;
      path: {
        /** @description the dedicated account's number, as the bank writes it */
        accountNumber: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the account, with balance in yuan and fen and how far its feed is complete */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': unknown;
        };
      };
    };
  };
  Transactions_record: {
    parameters: {
      query?: never;
      header?: {
        /** @description a key of your choosing for this request; a repeat with the same key and body answers as the first did, the same key with a different body is 409 */
        'idempotency-key'?: string;
      };
      path: {
        /** @description the dedicated account's number, as the bank writes it */
        accountNumber: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['TransactionsRecordRequest'];
      };
    };
    responses: {
      /** @description recorded; a transaction resent identically is counted once */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': unknown;
        };
      };
    };
  };
  WorkerClues_list: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description { items } */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': unknown;
        };
      };
    };
  };
  WorkerClues_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['WorkerCluesCreateRequest'];
      };
    };
    responses: {
      /** @description { id, status: RECEIVED, acceptBy } */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': unknown;
        };
      };
    };
  };
  WorkerSignIn_codes: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['WorkerSignInCodesRequest'];
      };
    };
    responses: {
      /** @description taken; an SMS follows if the numbers match a roll entry */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': unknown;
        };
      };
    };
  };
  WorkerMonths_list: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description { items } */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': unknown;
        };
      };
    };
  };
  WorkerMonths_confirm: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description the month worked, YYYY-MM */
        month: string;
        /** @description the project’s code, as in GET /worker/months */
        projectCode: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['WorkerMonthsConfirmRequest'];
      };
    };
    responses: {
      /** @description the answer as stored */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': unknown;
        };
      };
    };
  };
  WorkerSignIn_sessions: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['WorkerSignInSessionsRequest'];
      };
    };
    responses: {
      /** @description signed in */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': unknown;
        };
      };
    };
  };
}
