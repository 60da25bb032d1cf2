import { runActionAsRule } from '../automation/runAction';
import type { Dataset, DatasetIssue } from '../datasets/datasetSchema';
import { DEMO_BOARD_ID, DEMO_SPRINT_IDS } from '../datasets/demoDataset';
import { DEMO_ACTIVE_PROCESSES, demoProcessFor } from '../datasets/demoProcesses';
import { DEMO_ACCOUNT_IDS, ISSUE_TYPE_IDS, STATUS_IDS } from '../datasets/siteBasics';
import type { WorkbenchPlatform } from '../platform';
import { DEMO_PROCESSES, DEMO_VALUE_STREAMS, type DemoProcess } from './demoCatalog';
import { DEMO_IMPROVEMENTS, DEMO_INC_BACKLOG_ORDER, DEMO_TAMPERED_STORY, type DemoImprovement } from './demoImprovements';

/**
 * The demo story: what the demo site's people do with Process Loop, played through the app's own
 * entry points on top of the demo dataset (workbench/datasets/demoDataset.ts). The admin installs the
 * app, builds the catalog's value streams, configures health settings, auto-link rules and the web
 * trigger; APOs describe their processes, link work on the issue panel, write improvement stories,
 * order their backlog and review each closed sprint with KPI readings; automation links work and
 * records a reading; issue-created events let new work inherit its epic's process or match a rule;
 * sprint-closed events freeze the six closed sprints. Nothing is written to storage by hand, so the
 * demo can only hold what the app itself writes.
 *
 * Deterministic for a given dataset: no randomness, issues in key order. Every refusal stops it with
 * a DemoStoryError naming the step (a demo that silently shows half a story is worse than none).
 */

export class DemoStoryError extends Error {
  override name = 'DemoStoryError';
}

export type LinkSource = 'person' | 'automation' | 'inherited' | 'auto-rule';

export interface DemoStoryReport {
  valueStreams: number;
  processes: number;
  links: Record<LinkSource, number>;
  /** Issues deliberately left unlinked (network work, most of OPS). */
  unlinked: string[];
  /** Improvement story id (demoImprovements.ts) → issue key. */
  improvements: Record<string, string>;
  reviews: number;
  frozenSprintIds: number[];
  tookMs: number;
}

/** Auto-link rules the admin sets up: the labels and component that say which process owns the work. */
export const DEMO_AUTO_LINK_RULES = [
  { id: 'major-incident', kind: 'label', value: 'major-incident', processKey: 'MIM' },
  { id: 'problem', kind: 'label', value: 'problem', processKey: 'PRB' },
  { id: 'release', kind: 'label', value: 'release', processKey: 'REL' },
  { id: 'access-request', kind: 'label', value: 'access-request', processKey: 'ACC' },
  { id: 'procurement', kind: 'component', value: 'Procurement', processKey: 'PUR' },
] as const;

type ResolverAnswer<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string; fields?: Record<string, string> } };
type Context = Record<string, unknown>;

const ids = DEMO_ACCOUNT_IDS;
const PROJECT_PAGE = 'process-loop-project-page';
const ISSUE_PANEL = 'process-loop-issue-panel';
/** Every sixth link a person would make is made by an automation rule instead (source `automation`). */
const AUTOMATION_EVERY = 6;

/** What the story needs of the platform: the app host and the Jira stand-in (for what people do in Jira). */
export type DemoStoryPlatform = Pick<WorkbenchPlatform, 'host' | 'jira'>;

export async function playDemoStory(platform: DemoStoryPlatform, dataset: Dataset): Promise<DemoStoryReport> {
  const started = Date.now();
  const { host, jira } = platform;
  const cloudId = dataset.site.cloudId;
  const projectRef = (key: string) => {
    const project = dataset.projects.find((candidate) => candidate.key === key);
    if (!project) throw new DemoStoryError(`The dataset has no project ${key}.`);
    return { id: project.id, key: project.key, type: 'software' };
  };
  const projectPage: Context = { moduleKey: PROJECT_PAGE, extension: { type: 'jira:projectPage', project: projectRef('ITSM') } };
  const typeNames = new Map(dataset.issueTypes.map((type) => [type.id, type.name]));
  const issuePanel = (issue: { id: string; key: string; projectKey: string; issueTypeId: string }): Context => ({
    moduleKey: ISSUE_PANEL,
    extension: {
      type: 'jira:issuePanel',
      issue: { id: issue.id, key: issue.key, type: typeNames.get(issue.issueTypeId) ?? 'Story', typeId: issue.issueTypeId },
      project: projectRef(issue.projectKey),
      isNewToIssue: false,
    },
  });

  async function call<T>(
    step: string,
    accountId: string,
    functionKey: string,
    payload: unknown,
    context: Context = projectPage,
  ): Promise<T> {
    host.activate();
    let answer: ResolverAnswer<T>;
    try {
      answer = (await host.invokeResolver({ functionKey, payload, accountId, context: { cloudId, ...context } })) as ResolverAnswer<T>;
    } catch (error) {
      throw new DemoStoryError(`${step}: ${functionKey} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (!answer || answer.ok !== true) {
      const why = JSON.stringify(answer && !answer.ok ? answer.error : answer);
      throw new DemoStoryError(`${step}: ${functionKey} as ${accountId} was refused: ${why}`);
    }
    return answer.data;
  }
  const saved = <T extends { outcome: string }>(step: string, result: T): T => {
    if (result.outcome !== 'saved') throw new DemoStoryError(`${step}: expected "saved", got ${JSON.stringify(result).slice(0, 300)}`);
    return result;
  };
  async function event(step: string, eventType: string, payload: Record<string, unknown>): Promise<unknown[]> {
    host.activate();
    const deliveries = await host.deliverProductEvent(eventType, payload);
    const failed = deliveries.filter((delivery) => delivery.outcome !== 'ok');
    if (deliveries.length === 0 || failed.length > 0) {
      throw new DemoStoryError(`${step}: ${eventType} was not handled: ${JSON.stringify(deliveries)}`);
    }
    return deliveries.map((delivery) => (delivery as { result?: unknown }).result);
  }
  async function action(step: string, actionKey: string, actorAccountId: string, inputs: Record<string, unknown>, issueKey?: string) {
    const run = await runActionAsRule(host, { actionKey, inputs, actorAccountId, ...(issueKey ? { issueKey } : {}) });
    if (run.outcome !== 'succeeded') throw new DemoStoryError(`${step}: automation action ${actionKey} failed: ${run.errors.join(' ')}`);
    return run.result as Record<string, unknown>;
  }

  // 1. The admin installs the app (the Process Improvement issue type) and enables it for ITSM.
  const [installed] = (await event('Installing the app', 'avi:forge:installed:app', {})) as Array<{ outcome?: string; problem?: string }>;
  if (installed?.outcome === 'failed' || installed?.outcome === 'collision') {
    throw new DemoStoryError(`Installing the app: ${JSON.stringify(installed)}`);
  }
  await call('Enabling improvements for ITSM', ids.admin, 'enableImprovementsForProject', {});

  // 2. The catalog: value streams by the admin, processes by each stream's owner, the retired one retired by its APO.
  for (const stream of DEMO_VALUE_STREAMS) {
    saved(
      `Value stream ${stream.key}`,
      await call<{ outcome: string }>(`Value stream ${stream.key}`, ids.admin, 'saveValueStream', {
        valueStream: stream,
        expectedVersion: null,
      }),
    );
  }
  for (const process of DEMO_PROCESSES) await saveProcess(process);

  // 3. Health settings (waiting statuses), auto-link rules and the web trigger's secret, as the admin.
  const settings = await call<{ record: { settings: Record<string, unknown>; version: number }; suggestedWaitingStatusIds: string[] }>(
    'Reading health settings',
    ids.admin,
    'getHealthSettings',
    {},
  );
  if (settings.suggestedWaitingStatusIds.length === 0) throw new DemoStoryError('Health settings: no waiting status was suggested.');
  saved(
    'Health settings',
    await call<{ outcome: string }>('Health settings', ids.admin, 'saveHealthSettings', {
      settings: { ...settings.record.settings, waitingStatusIds: settings.suggestedWaitingStatusIds },
      expectedVersion: settings.record.version,
    }),
  );
  const automation = await call<{ autoLinkRules: { version: number } }>(
    'Reading automation settings',
    ids.admin,
    'getAutomationSettings',
    {},
  );
  saved(
    'Auto-link rules',
    await call<{ outcome: string }>('Auto-link rules', ids.admin, 'saveAutoLinkRules', {
      rules: DEMO_AUTO_LINK_RULES,
      expectedVersion: automation.autoLinkRules.version,
    }),
  );
  await call('Web trigger secret', ids.admin, 'rotateWebTriggerSecret', {});

  // 4. Links: epics and triaged work by people on the issue panel, some by an automation rule; new work
  //    inherits its epic's process or matches an auto-link rule when Jira reports it created.
  const links: Record<LinkSource, number> = { person: 0, automation: 0, inherited: 0, 'auto-rule': 0 };
  const unlinked: string[] = [];
  const linkedTo = new Map<string, string>();
  let personLinks = 0;
  const ordered = [...dataset.issues].sort((a, b) => Number(a.id) - Number(b.id));
  for (const issue of ordered) {
    const processKey = intendedProcess(issue);
    if (!processKey) {
      unlinked.push(issue.key);
      continue;
    }
    const process = processByKey(processKey);
    const parentProcess = issue.parentKey ? (linkedTo.get(issue.parentKey) ?? null) : null;
    const rule = DEMO_AUTO_LINK_RULES.find((candidate) => ruleMatches(candidate, issue));
    let source: LinkSource;
    if (issue.issueTypeId !== ISSUE_TYPE_IDS.epic && parentProcess === processKey) source = 'inherited';
    else if (issue.issueTypeId !== ISSUE_TYPE_IDS.epic && parentProcess === null && rule?.processKey === processKey) source = 'auto-rule';
    else source = ++personLinks % AUTOMATION_EVERY === 0 ? 'automation' : 'person';

    const step = `Linking ${issue.key} to ${processKey} (${source})`;
    if (source === 'inherited' || source === 'auto-rule') {
      const [result] = (await event(step, 'avi:jira:created:issue', {
        issue: { id: issue.id, key: issue.key },
        atlassianId: issue.reporterAccountId,
      })) as Array<{ outcome?: string; processKey?: string; source?: string }>;
      if (result?.outcome !== 'linked' || result.processKey !== processKey || result.source !== source) {
        throw new DemoStoryError(`${step}: the issue-created trigger answered ${JSON.stringify(result)}`);
      }
    } else if (source === 'automation') {
      const result = await action(
        step,
        'link-work-item-to-process',
        process.asmAccountId ?? process.apoAccountId,
        { issueKey: '{{issue.key}}', processKey },
        issue.key,
      );
      if (result.processKey !== processKey) throw new DemoStoryError(`${step}: the action answered ${JSON.stringify(result)}`);
    } else {
      // Whoever works on it links it; unassigned work is linked by the process's APO.
      const by = issue.assigneeAccountId && issue.assigneeAccountId !== ids.viewer ? issue.assigneeAccountId : process.apoAccountId;
      const panel = await call<{ link: { processKey: string } | null }>(
        step,
        by,
        'linkIssueToProcess',
        { processKey, stageId: null },
        issuePanel(issue),
      );
      if (panel.link?.processKey !== processKey) throw new DemoStoryError(`${step}: the panel shows ${JSON.stringify(panel.link)}`);
    }
    links[source] += 1;
    linkedTo.set(issue.key, processKey);
  }

  // 5. Improvement stories: created by their APO (one by an automation rule), moved in Jira by the team,
  //    their DoD ticked by the ASM; outcomes recorded on the panel or in the review.
  const improvements: Record<string, { id: string; key: string }> = {};
  for (const story of DEMO_IMPROVEMENTS) improvements[story.id] = await createImprovement(story);
  for (const story of DEMO_IMPROVEMENTS) moveInJira(story, improvements[story.id] as { id: string; key: string });
  for (const story of DEMO_IMPROVEMENTS) await tickDod(story, improvements[story.id] as { id: string; key: string });
  for (const story of DEMO_IMPROVEMENTS.filter((candidate) => candidate.result?.via === 'panel')) {
    const issue = improvements[story.id] as { id: string; key: string };
    const result = story.result as NonNullable<DemoImprovement['result']>;
    await call(
      `Outcome of ${issue.key}`,
      processByKey(story.processKey).apoAccountId,
      'recordImprovementOutcome',
      { outcome: { value: result.value, note: result.note } },
      improvementPanel(issue),
    );
  }
  await orderIncBacklog();

  // 6. Sprint reviews of the closed sprints: achieved, next, KPI readings; outcomes of the stories done in them.
  let reviews = 0;
  const keyOf = (storyId: string) => improvements[storyId]?.key ?? storyId;
  for (const process of DEMO_PROCESSES.filter((candidate) => candidate.status === 'active')) {
    for (const [index, sprintId] of DEMO_SPRINT_IDS.closed.entries()) {
      const text = process.reviews[index];
      if (!text) throw new DemoStoryError(`Process ${process.key} has no review for closed sprint ${index + 1}.`);
      const step = `Review of ${process.key} in sprint ${sprintId}`;
      const first = saved(
        step,
        await call<{ outcome: string; view: { review: { version: number } | null } }>(step, process.apoAccountId, 'saveSprintReview', {
          processKey: process.key,
          sprintId,
          achieved: text.achieved.replace(/\{story:(\w+)\}/g, (_, id: string) => keyOf(id)),
          next: text.next.replace(/\{story:(\w+)\}/g, (_, id: string) => keyOf(id)),
          kpiReadings: process.kpis.map((kpi) => ({ kpiId: kpi.id, value: kpi.readings[index] })),
          storyOutcomes: [],
          expectedVersion: null,
        }),
      );
      reviews += 1;
      // A story's outcome is judged a sprint later and added to its sprint's review by the ASM (the review keeps the history).
      const judged = DEMO_IMPROVEMENTS.filter(
        (story) => story.processKey === process.key && story.jira.sprint === index && story.result?.via === 'review',
      );
      if (judged.length === 0) continue;
      saved(
        `${step}: outcomes`,
        await call<{ outcome: string }>(`${step}: outcomes`, process.asmAccountId ?? process.apoAccountId, 'saveSprintReview', {
          processKey: process.key,
          sprintId,
          achieved: text.achieved.replace(/\{story:(\w+)\}/g, (_, id: string) => keyOf(id)),
          next: text.next.replace(/\{story:(\w+)\}/g, (_, id: string) => keyOf(id)),
          kpiReadings: process.kpis.map((kpi) => ({ kpiId: kpi.id, value: kpi.readings[index] })),
          storyOutcomes: judged.map((story) => ({
            issueId: improvements[story.id]?.id,
            value: story.result?.value,
            note: story.result?.note,
          })),
          expectedVersion: first.view.review?.version ?? null,
        }),
      );
    }
  }
  // The running sprint: each APO's notes so far and a mid-sprint reading, so the review tab opens on something.
  for (const process of DEMO_PROCESSES.filter((candidate) => candidate.status === 'active')) {
    const last = process.reviews[process.reviews.length - 1];
    const step = `Review of ${process.key} in the active sprint`;
    saved(
      step,
      await call<{ outcome: string }>(step, process.apoAccountId, 'saveSprintReview', {
        processKey: process.key,
        sprintId: DEMO_SPRINT_IDS.active,
        achieved: `Under way: ${(last?.next ?? '').replace(/\{story:(\w+)\}/g, (_, id: string) => keyOf(id))}`,
        next: '',
        kpiReadings: process.kpis.map((kpi) => ({ kpiId: kpi.id, value: kpi.readings[kpi.readings.length - 1] })),
        storyOutcomes: [],
        expectedVersion: null,
      }),
    );
    reviews += 1;
  }
  // This sprint's time to restore comes from the monitoring tool through an automation rule.
  await action('Recording this sprint’s time to restore', 'record-kpi-reading', ids.apo, {
    projectKey: 'ITSM',
    processKey: 'INC',
    kpi: 'mttr',
    value: '3.2',
  });

  // 7. Outside the app: a team member rewrites the refuted CHG story's property through Jira's REST API, claiming its
  //    APO confirmed it. The panel, backlog and review show the APO's real outcome and "Changed outside Process Loop".
  await tamperWithOutcome(improvements[DEMO_TAMPERED_STORY] as { id: string; key: string });

  // 8. Jira reports the six sprints closed: the app freezes their health.
  for (const sprintId of DEMO_SPRINT_IDS.closed) {
    await event(`Closing sprint ${sprintId}`, 'avi:jira-software:closed:sprint', {
      sprint: { id: sprintId, state: 'closed', originBoardId: DEMO_BOARD_ID },
    });
  }
  host.activate();
  await host.drainQueues();
  await checkTrends();

  return {
    valueStreams: DEMO_VALUE_STREAMS.length,
    processes: DEMO_PROCESSES.length,
    links,
    unlinked,
    improvements: Object.fromEntries(Object.entries(improvements).map(([id, issue]) => [id, issue.key])),
    reviews,
    frozenSprintIds: [...DEMO_SPRINT_IDS.closed],
    tookMs: Date.now() - started,
  };

  // --- steps ---------------------------------------------------------------------------------------

  async function tamperWithOutcome(issue: { id: string; key: string }) {
    const step = `Liam edits ${issue.key}'s outcome through Jira's REST API`;
    const path = `/rest/api/3/issue/${issue.id}/properties/process-loop-improvement`;
    const asLiam = { kind: 'user' as const, accountId: ids.member };
    const read = await jira.handle({ method: 'GET', pathWithQuery: path, headers: {}, caller: asLiam });
    const stored = (JSON.parse(read.body) as { value: Record<string, unknown> }).value;
    const claimed = {
      value: 'confirmed',
      note: 'Worked: no more late changes.',
      by: processByKey('CHG').apoAccountId,
      at: new Date().toISOString(),
    };
    const written = await jira.handle({
      method: 'PUT',
      pathWithQuery: path,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...stored, outcome: claimed }),
      caller: asLiam,
    });
    if (written.status !== 200) throw new DemoStoryError(`${step}: Jira answered ${written.status}`);
  }

  async function saveProcess(process: DemoProcess) {
    const stream = DEMO_VALUE_STREAMS.find((candidate) => candidate.key === process.valueStreamKey);
    const creator = stream?.ownerAccountId ?? ids.admin;
    // Everything but the demo's own readings and reviews is what an editor sends (the payload schema is strict).
    const { kpis, status, reviews: _reviews, ...fields } = process;
    const input = {
      ...fields,
      kpis: kpis.map(({ readings: _readings, ...kpi }) => kpi),
      // A retired process was active once: created active, retired later by its APO.
      status: status === 'retired' ? 'active' : status,
    };
    const first = saved(
      `Process ${process.key}`,
      await call<{ outcome: string; record: { version: number } }>(`Process ${process.key}`, creator, 'saveProcess', {
        process: input,
        expectedVersion: null,
      }),
    );
    if (process.status !== 'retired') return;
    saved(
      `Retiring ${process.key}`,
      await call<{ outcome: string }>(`Retiring ${process.key}`, process.apoAccountId, 'saveProcess', {
        process: { ...input, status: 'retired' },
        expectedVersion: first.record.version,
      }),
    );
  }

  async function createImprovement(story: DemoImprovement): Promise<{ id: string; key: string }> {
    const step = `Improvement story ${story.id} (${story.processKey})`;
    if (story.via === 'action') {
      const result = await action(step, 'create-process-improvement-story', story.by, {
        projectKey: 'ITSM',
        processKey: story.processKey,
        summary: story.iWant,
        hypothesis: story.change,
        ...(story.measure
          ? {
              measure: story.measure.description,
              kpiId: story.measure.kpiId ?? '',
              baseline: String(story.measure.baseline),
              target: String(story.measure.target),
            }
          : {}),
        benefit: String(story.benefit),
        cost: String(story.cost),
      });
      return { id: String(result.issueId), key: String(result.issueKey) };
    }
    type Created = { outcome: string; issue: { id: string; key: string }; message?: string };
    const created = await call<Created>(step, story.by, 'createImprovementStory', {
      processKey: story.processKey,
      userStory: { asA: 'process owner', iWant: story.iWant, soThat: story.soThat },
      hypothesis: { change: story.change, outcome: story.outcome },
      measure: story.measure,
      benefit: story.benefit,
      cost: story.cost,
    });
    if (created.outcome !== 'created') throw new DemoStoryError(`${step}: ${created.outcome}: ${created.message ?? ''}`);
    return created.issue;
  }

  /** The team plans and works the story in Jira, as people do (the app never moves issues). */
  function moveInJira(story: DemoImprovement, issue: { id: string; key: string }): void {
    const { sprint, status } = story.jira;
    const sprintIds =
      sprint === null
        ? []
        : sprint === 'active'
          ? [DEMO_SPRINT_IDS.active]
          : sprint === 'future'
            ? [DEMO_SPRINT_IDS.future]
            : [DEMO_SPRINT_IDS.closed[sprint] as number];
    const by = ids.member;
    const at = () => new Date();
    if (sprintIds.length > 0) jira.applyIssueUpdate(issue.key, { sprintIds }, { authorAccountId: by, at: at() });
    if (status !== 'todo') jira.applyIssueUpdate(issue.key, { assigneeAccountId: by }, { authorAccountId: by, at: at() });
    if (status === 'inProgress' || status === 'done')
      jira.applyIssueUpdate(issue.key, { statusId: STATUS_IDS.inProgress }, { authorAccountId: by, at: at() });
    if (status === 'done') jira.applyIssueUpdate(issue.key, { statusId: STATUS_IDS.done }, { authorAccountId: by, at: at() });
    if (status === 'wontDo')
      jira.applyIssueUpdate(
        issue.key,
        { statusId: STATUS_IDS.wontDo },
        { authorAccountId: processByKey(story.processKey).apoAccountId, at: at() },
      );
  }

  async function tickDod(story: DemoImprovement, issue: { id: string; key: string }) {
    const process = processByKey(story.processKey);
    for (const itemId of story.dodTicked) {
      await call(
        `DoD "${itemId}" of ${issue.key}`,
        process.asmAccountId ?? ids.member,
        'toggleImprovementDod',
        { itemId, done: true },
        improvementPanel(issue),
      );
    }
  }

  function improvementPanel(issue: { id: string; key: string }): Context {
    const stored = jira.issue(issue.key);
    if (!stored) throw new DemoStoryError(`Improvement story ${issue.key} is not in Jira.`);
    return issuePanel({ id: stored.id, key: stored.key, projectKey: stored.projectKey, issueTypeId: stored.issueTypeId });
  }

  async function orderIncBacklog() {
    const backlog = await call<{ groups: Array<{ processKey: string; order: { version: number | null } }> }>(
      'INC backlog',
      ids.apo,
      'getProcessBacklog',
      { processKey: 'INC' },
    );
    const group = backlog.groups.find((candidate) => candidate.processKey === 'INC');
    if (!group) throw new DemoStoryError('INC backlog: no INC group.');
    saved(
      'Ordering the INC backlog',
      await call<{ outcome: string }>('Ordering the INC backlog', ids.apo, 'reorderProcessBacklog', {
        processKey: 'INC',
        issueIds: DEMO_INC_BACKLOG_ORDER.map((id) => improvements[id]?.id),
        expectedVersion: group.order.version,
      }),
    );
  }

  /** Every active process must show six frozen sprints in the active sprint's trend, or the demo tells no story. */
  async function checkTrends() {
    type Row = { processKey: string | null; trend: Array<{ score: number | null }> };
    type View = { status: 'ready'; rows: Row[] } | { status: 'computing'; jobId: string } | { status: 'failed'; error: unknown };
    const payload = { boardId: DEMO_BOARD_ID, sprintId: DEMO_SPRINT_IDS.active };
    let view = await call<View>('Sprint health of the active sprint', ids.admin, 'getSprintHealth', payload);
    for (let attempt = 0; view.status === 'computing' && attempt < 5; attempt++) {
      await host.drainQueues();
      view = await call<View>('Sprint health progress', ids.admin, 'getSprintHealthProgress', { jobId: view.jobId });
    }
    if (view.status !== 'ready') throw new DemoStoryError(`Sprint health of the active sprint: ${JSON.stringify(view)}`);
    const rows = view.rows;
    const frozenPoints = (key: string) =>
      rows.find((row) => row.processKey === key)?.trend.filter((point) => point.score !== null).length ?? 0;
    const short = DEMO_ACTIVE_PROCESSES.filter((key) => frozenPoints(key) < 6);
    if (short.length > 0) throw new DemoStoryError(`Sprint health: ${short.join(', ')} show fewer than six frozen sprints in their trend.`);
  }
}

function processByKey(key: string): DemoProcess {
  const process = DEMO_PROCESSES.find((candidate) => candidate.key === key);
  if (!process) throw new DemoStoryError(`No demo process ${key}.`);
  return process;
}

/** Who owns the work: what its component and labels say (ITSM); in OPS, the bugs are incidents, the rest is unlinked chores. */
function intendedProcess(issue: DatasetIssue): string | null {
  if (issue.projectKey === 'OPS') return issue.issueTypeId === ISSUE_TYPE_IDS.bug ? 'INC' : null;
  return demoProcessFor(issue);
}

function ruleMatches(rule: (typeof DEMO_AUTO_LINK_RULES)[number], issue: DatasetIssue): boolean {
  const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();
  switch (rule.kind) {
    case 'label':
      return issue.labels.some((label) => same(label, rule.value));
    case 'component':
      return issue.components.some((name) => same(name, rule.value));
  }
}
