/**
 * `npm run bench`: Process Loop's sprint health, measured on a synthetic site.
 *
 * The bench builds the benchmark site (40 processes, an active sprint of 1,000 issues, 12 closed
 * sprints, ~20 changelog entries an issue) in a Jira stand-in held by this process, and runs the
 * app in worker processes (one per "Forge function container": fresh KVS, cold in-memory caches),
 * every Jira request crossing to the stand-in with 100 ms of simulated latency. It prints, per
 * scenario, the app's and the naive baseline's Jira requests, rate-limit points, wall time,
 * compute time and peak memory, then the targets with PASS / FAIL, then the Custom UI bundle
 * sizes. It is a report, not a test: it exits 0 unless it crashes.
 */
import { performance } from 'node:perf_hooks';
import { buildSyntheticSite, SYNTHETIC_BOARD_ID, SYNTHETIC_PROJECT_KEY } from '../workbench/datasets/syntheticSite';
import { JiraStandIn } from '../workbench/jira/jiraStandIn';
import { readManifest } from '../workbench/manifest/readManifest';
import { DurableStore } from '../workbench/store/durableStore';
import { bundleSizeReport } from './bench/bundleSizes';
import { moveIssuesForward } from './bench/issueChanges';
import { minimumRequests } from './bench/minimumRequests';
import { storageLines, type StorageFamily } from './bench/storageUsage';
import type { AppInputResult, AppViewResult, EventsResult, NaiveViewResult, ViewContext } from './bench/protocol';
import { formatNumber, scenarioTable, targetTable, type Figures, type ScenarioRow, type TargetCheck } from './bench/reportTable';
import { BenchWorker, type Traffic } from './bench/workerClient';

const LATENCY_MS = 100;
/** The baseline's changelog requests in flight at once: what a real app might allow itself. */
const NAIVE_CONCURRENCY = 10;
const COMPUTE_RUNS = 7;
const CHANGED_ISSUES = 10;
const TARGETS = { extraRequests: 2, firstViewWallMs: 5000, computeMs: 100, peakMb: 200 } as const;

interface AppScenario {
  view: AppViewResult;
  traffic: Traffic;
}
interface NaiveScenario {
  view: NaiveViewResult;
  traffic: Traffic;
}

const ms = (value: number) => `${formatNumber(value)} ms`;
/** A measured figure, or why there is none. */
const measuredOf = (scenario: AppScenario, figure: string) => (scenario.view.outcome === 'ready' ? figure : 'no ready result');

function requestBreakdown(traffic: Traffic): string {
  const counts = new Map<string, { requests: number; objects: number }>();
  for (const entry of traffic.requests) {
    // Ids in paths vary per request; group by the operation (the API version after /api stays).
    const key = `${entry.method} ${entry.path.replace(/(?<!\/api)\/\d+(?=\/|$)/g, '/{id}').replace(/\/[A-Z][A-Z0-9]*-\d+(?=\/|$)/g, '/{key}')}${entry.status === 200 || entry.status === 201 ? '' : ` -> ${entry.status}`}`;
    const count = counts.get(key) ?? { requests: 0, objects: 0 };
    count.requests++;
    count.objects += entry.returnedObjects;
    counts.set(key, count);
  }
  if (counts.size === 0) return '      (no Jira requests)';
  return [...counts]
    .map(([key, count]) => `      ${String(count.requests).padStart(5)} x ${key}  (${formatNumber(count.objects)} objects returned)`)
    .join('\n');
}

async function main(): Promise<void> {
  const started = performance.now();
  const log = (message: string) => console.error(`[bench ${((performance.now() - started) / 1000).toFixed(1)} s] ${message}`);

  // "now" is the real clock: the stand-in, the app and JQL's `updated >=` all read it.
  const site = buildSyntheticSite({ now: new Date() });
  const { dataset } = site;
  const manifest = readManifest();
  const jira = new JiraStandIn({ store: DurableStore.open(null), aliases: manifest.entityPropertyAliases, guard: null });
  jira.loadDataset(dataset);
  const userOf = (role: string) => {
    const user = dataset.users.find((candidate) => candidate.role === role);
    if (!user) throw new Error(`The bench site has no ${role}.`);
    return user.accountId;
  };
  const admin = userOf('admin');
  const apo = userOf('apo');
  const member = userOf('member');
  const project = dataset.projects.find((candidate) => candidate.key === SYNTHETIC_PROJECT_KEY);
  if (!project) throw new Error('The bench site has no BENCH project.');
  const view: ViewContext = { accountId: apo, boardId: SYNTHETIC_BOARD_ID, project: { id: project.id, key: project.key } };
  const activeSprintId = site.activeSprintId;
  const closedSprintId = site.closedSprintIds[site.closedSprintIds.length - 1];
  if (closedSprintId === undefined) throw new Error('The bench site has no closed sprint.');
  const init = { site: dataset.site, latencyMs: LATENCY_MS };
  log(`site built: ${dataset.issues.length} issues, active sprint ${activeSprintId}, closed sprint ${closedSprintId}`);

  const naive = new BenchWorker('naive worker', jira, init);
  const appActive = new BenchWorker('app worker (active sprint)', jira, init);
  const workers = [naive, appActive];
  const notes: string[] = [];
  try {
    const setupCatalog = { kind: 'setupCatalog' as const, adminAccountId: admin, apoAccountId: apo, processKeys: site.processKeys, view };
    const appView = async (worker: BenchWorker, sprintId: number, label: string): Promise<AppScenario> => {
      const { result, traffic } = await worker.run<AppViewResult>({ kind: 'appView', sprintId, view });
      log(`${label}: ${result.outcome}, ${traffic.requests.length} requests, ${ms(result.wallMs)}`);
      return { view: result, traffic };
    };
    const naiveView = async (sprintId: number, label: string): Promise<NaiveScenario> => {
      const { result, traffic } = await naive.run<NaiveViewResult>({
        kind: 'naiveView',
        sprintId,
        accountId: apo,
        concurrency: NAIVE_CONCURRENCY,
        computeRuns: COMPUTE_RUNS,
      });
      log(`${label} (naive): ${traffic.requests.length} requests, ${ms(result.wallMs)}`);
      return { view: result, traffic };
    };
    const appInput = async (sprintId: number) => {
      const { result, traffic } = await naive.run<AppInputResult>({
        kind: 'appInput',
        sprintId,
        accountId: apo,
        computeRuns: COMPUTE_RUNS,
      });
      const histories = traffic.requests
        .filter((entry) => entry.path.endsWith('/changelog/bulkfetch'))
        .reduce((sum, entry) => sum + entry.returnedObjects, 0);
      return { result, minimum: minimumRequests(result.issues, histories) };
    };

    // --- active sprint: first view, repeat with nothing changed, repeat after 10 changes --------
    const idle = await appActive.ready;
    const setup = await appActive.run<{ saved: number; failures: string[] }>(setupCatalog);
    if (setup.result.failures.length > 0)
      notes.push(
        `Catalog setup: ${setup.result.failures.length} processes not saved (rows may be unnamed): ${setup.result.failures.slice(0, 2).join('; ')}`,
      );
    log(`catalog: ${setup.result.saved} processes saved`);
    const appFirst = await appView(appActive, activeSprintId, 'active, first view');
    const appRepeat = await appView(appActive, activeSprintId, 'active, repeat view');
    const naiveFirst = await naiveView(activeSprintId, 'active, first view');
    const naiveRepeat = await naiveView(activeSprintId, 'active, repeat view');
    const activeInput = await appInput(activeSprintId);

    const changes = moveIssuesForward(jira, dataset, activeSprintId, CHANGED_ISSUES, member);
    const events = await appActive.run<EventsResult>({
      kind: 'issueUpdatedEvents',
      updates: changes.map(({ id, key, items }) => ({ id, key, items })),
      accountId: member,
    });
    notes.push(
      events.result.delivered === 0
        ? `After the ${CHANGED_ISSUES} status moves no trigger of the app listens for avi:jira:updated:issue; nothing was delivered.`
        : `After the ${CHANGED_ISSUES} status moves, ${events.result.delivered} issue-updated events were delivered to the app's triggers, making ${events.traffic.requests.length} Jira requests (not counted in the views).`,
    );
    const appChanged = await appView(appActive, activeSprintId, 'active, 10 changed');
    const naiveChanged = await naiveView(activeSprintId, 'active, 10 changed');
    const changedInput = await appInput(activeSprintId);
    const activeStorage = (await appActive.run<StorageFamily[]>({ kind: 'storageUsage' })).result;
    appActive.stop();

    // --- the last closed sprint: first view, repeat view ------------------------------------------
    const appClosed = new BenchWorker('app worker (closed sprint)', jira, init);
    workers.push(appClosed);
    await appClosed.run(setupCatalog);
    const closedFirst = await appView(appClosed, closedSprintId, 'closed, first view');
    const closedRepeat = await appView(appClosed, closedSprintId, 'closed, repeat view');
    const naiveClosedFirst = await naiveView(closedSprintId, 'closed, first view');
    const naiveClosedRepeat = await naiveView(closedSprintId, 'closed, repeat view');
    const closedInput = await appInput(closedSprintId);
    const closedStorage = (await appClosed.run<StorageFamily[]>({ kind: 'storageUsage' })).result;

    // --- report ----------------------------------------------------------------------------------
    // A view that did not end ready has no figures worth comparing: shown as "-", its outcome in the notes.
    // A view that did not end ready has no figures worth comparing: shown as "-", its outcome in the notes.
    const appFigures = (scenario: AppScenario, computeMs: number | null): Figures =>
      scenario.view.outcome !== 'ready'
        ? { requests: null, points: null, wallMs: null, computeMs: null, peakMb: null }
        : {
            requests: scenario.traffic.requests.length,
            points: scenario.traffic.points,
            wallMs: scenario.view.wallMs,
            computeMs,
            peakMb: scenario.view.peakRssMb,
          };
    const naiveFigures = (scenario: NaiveScenario): Figures => ({
      requests: scenario.traffic.requests.length,
      points: scenario.traffic.points,
      wallMs: scenario.view.wallMs,
      computeMs: scenario.view.computeMs,
      peakMb: scenario.view.peakRssMb,
    });
    // A frozen closed sprint read back from storage is not recomputed: no compute to show.
    const closedRepeatCompute =
      closedRepeat.view.frozen && closedRepeat.traffic.requests.length === 0 ? null : closedInput.result.computeMs;
    const activeIssues = activeInput.result.issues;
    const closedIssues = closedInput.result.issues;
    const rows: ScenarioRow[] = [
      {
        scenario: `Active sprint (${formatNumber(activeIssues)} issues), first view`,
        app: appFigures(appFirst, activeInput.result.computeMs),
        naive: naiveFigures(naiveFirst),
      },
      {
        scenario: 'Active sprint, repeat view, nothing changed',
        app: appFigures(appRepeat, activeInput.result.computeMs),
        naive: naiveFigures(naiveRepeat),
      },
      {
        scenario: `Active sprint, repeat view, ${CHANGED_ISSUES} issues changed`,
        app: appFigures(appChanged, changedInput.result.computeMs),
        naive: naiveFigures(naiveChanged),
      },
      {
        scenario: `Closed sprint (${formatNumber(closedIssues)} issues), first view`,
        app: appFigures(closedFirst, closedInput.result.computeMs),
        naive: naiveFigures(naiveClosedFirst),
      },
      {
        scenario: 'Closed sprint, repeat view',
        app: appFigures(closedRepeat, closedRepeatCompute),
        naive: naiveFigures(naiveClosedRepeat),
      },
    ];

    const appScenarios: Array<[string, AppScenario]> = [
      ['Active sprint, first view', appFirst],
      ['Active sprint, repeat view, nothing changed', appRepeat],
      [`Active sprint, repeat view, ${CHANGED_ISSUES} issues changed`, appChanged],
      ['Closed sprint, first view', closedFirst],
      ['Closed sprint, repeat view', closedRepeat],
    ];
    const appPeak = Math.max(...appScenarios.map(([, scenario]) => scenario.view.peakRssMb));
    const notReady = appScenarios.filter(([, scenario]) => scenario.view.outcome !== 'ready');
    const allReady = notReady.length === 0;
    for (const [name, scenario] of notReady) notes.push(`App view "${name}" did not end ready: ${scenario.view.outcome}`);
    const firstReady = appFirst.view.outcome === 'ready';
    const minimum = activeInput.minimum;
    const checks: TargetCheck[] = [
      {
        target: `App views answer a ready result`,
        measured: allReady ? 'all ready' : `${notReady.length} of ${appScenarios.length} not ready (see notes)`,
        pass: allReady,
      },
      {
        target: `Active first view: requests <= minimum ${minimum.total} + ${TARGETS.extraRequests}`,
        measured: measuredOf(appFirst, `${appFirst.traffic.requests.length} requests`),
        pass: firstReady && appFirst.traffic.requests.length <= minimum.total + TARGETS.extraRequests,
      },
      {
        target: `Active first view: wall < ${formatNumber(TARGETS.firstViewWallMs)} ms (${LATENCY_MS} ms per Jira request)`,
        measured: measuredOf(appFirst, ms(appFirst.view.wallMs)),
        pass: firstReady && appFirst.view.wallMs < TARGETS.firstViewWallMs,
      },
      {
        target: 'Closed sprint repeat view: 0 Jira requests',
        measured: measuredOf(closedRepeat, `${closedRepeat.traffic.requests.length} requests`),
        pass: closedRepeat.view.outcome === 'ready' && closedRepeat.traffic.requests.length === 0,
      },
      {
        target: 'Active sprint repeat view, nothing changed: 1 Jira request',
        measured: measuredOf(appRepeat, `${appRepeat.traffic.requests.length} requests`),
        pass: appRepeat.view.outcome === 'ready' && appRepeat.traffic.requests.length <= 1,
      },
      {
        target: `Compute < ${TARGETS.computeMs} ms for ${formatNumber(activeIssues)} issues (median of ${COMPUTE_RUNS})`,
        measured: `${formatNumber(activeInput.result.computeMs, 1)} ms`,
        pass: activeIssues >= 1000 && activeInput.result.computeMs < TARGETS.computeMs,
      },
      {
        target: `Peak memory < ${TARGETS.peakMb} MB (app worker RSS, worst scenario)`,
        measured: allReady ? `${formatNumber(appPeak, 1)} MB` : 'not every view ready',
        pass: allReady && appPeak < TARGETS.peakMb,
      },
    ];

    const bundles = bundleSizeReport();
    const closedMinimum = closedInput.minimum;
    const out: string[] = [];
    const section = (title: string) => out.push('', title, '='.repeat(title.length));
    section('Process Loop sprint health benchmark');
    out.push(
      `Site: ${formatNumber(dataset.issues.length)} issues, ${site.processKeys.length} processes, board ${SYNTHETIC_BOARD_ID}, ` +
        `active sprint ${activeSprintId} (${formatNumber(activeIssues)} issues), closed sprints ${site.closedSprintIds[0]}-${closedSprintId} ` +
        `(closed sprint measured: ${closedSprintId}, ${formatNumber(closedIssues)} issues), ~20 changelog entries an issue.`,
      `Latency: ${LATENCY_MS} ms simulated per Jira request. Viewer: the APO (${apo}), project page of ${project.key}.`,
    );
    out.push('', scenarioTable(rows));
    out.push(
      '',
      'How each figure is measured:',
      '  requests, points  every request the Jira stand-in answered during the view; points = 1 per request + 1 per issue or changelog history returned.',
      '  wall ms           app: getSprintHealth until a ready result (when it answers "computing", the bench drains the @forge/events queue at once and',
      '                    polls getSprintHealthProgress, so no polling interval is counted). naive: all requests and one computation, measured with',
      `                    ${LATENCY_MS} ms latency and ${NAIVE_CONCURRENCY} changelog requests in flight (a real app would not go one by one). Sequential model`,
      `                    (one request at a time): ${ms(naiveFirst.traffic.requests.length * LATENCY_MS + naiveFirst.view.computeMs)} for the active first view = requests x ${LATENCY_MS} ms + compute.`,
      `  compute ms        computeSprintHealth alone, median of ${COMPUTE_RUNS} runs after a warm-up. app: on the input the app's adapters fetch (bulk,`,
      '                    status/Sprint/Flagged histories only), fetched again without latency after the view; naive: on the full per-issue changelogs.',
      '                    "-" for a frozen closed sprint read from storage with no Jira request (nothing is recomputed).',
      '  peak MB           RSS of the worker process running the view (app or naive; the Jira stand-in and its dataset live in the parent process).',
      `                    Sampled every 2 ms, and the process's maxRSS when it rose during the view. Idle app worker: ${formatNumber(idle.idleRssMb, 1)} MB.`,
      '                    Each app sprint runs in a fresh worker (fresh KVS, cold caches); repeat views reuse that warm worker, as a warm Forge container would.',
    );
    section("Minimum Jira requests for a first view (from the bulk endpoints' page sizes)");
    out.push(`Active sprint ${activeSprintId}:`, ...minimum.lines.map((line) => `  ${line}`));
    out.push(
      `Closed sprint ${closedSprintId} (for reference, no target): minimum ${closedMinimum.total}, app made ${closedFirst.traffic.requests.length}.`,
    );
    section('Targets');
    out.push(targetTable(checks));
    section('Storage per sprint (KVS keys and bytes: key + JSON value)');
    out.push(
      ...storageLines(`Active sprint ${activeSprintId}, after the views and ${CHANGED_ISSUES} changes`, activeIssues, activeStorage),
      ...storageLines(`Closed sprint ${closedSprintId}, frozen`, closedIssues, closedStorage),
    );
    section('App Jira requests per scenario');
    for (const [name, scenario] of appScenarios) {
      out.push(
        `  ${name}: ${scenario.view.outcome}${scenario.view.polls > 0 ? ` after ${scenario.view.polls} poll(s)` : ''}, ${scenario.view.rows} rows${scenario.view.frozen ? ', frozen' : ''}`,
      );
      out.push(requestBreakdown(scenario.traffic));
    }
    section('Custom UI bundles (scripts/size.ts)');
    out.push(bundles.text);
    if (notes.length > 0) {
      section('Notes');
      out.push(...notes.map((note) => `  - ${note}`));
    }
    out.push('', `Bench ran in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
    console.log(out.join('\n'));
  } finally {
    for (const worker of workers) worker.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error('bench crashed:', error);
    process.exit(1);
  },
);
