import { valueStreamTemplates } from '../../src/domain/catalog/templates/processTemplateLibrary';
import { DEMO_ACCOUNT_IDS } from '../datasets/siteBasics';

/**
 * What the demo's people put into the catalog: three value streams with ordered stages and ten
 * processes, each answering the six questions. Plain data in the shape the app's `saveValueStream` /
 * `saveProcess` resolvers accept; the story (demoStory.ts) sends it as the right users.
 */
const ids = DEMO_ACCOUNT_IDS;
const role = (name: string) => ({ kind: 'role' as const, name });
const user = (accountId: string) => ({ kind: 'user' as const, accountId });

export interface DemoValueStream {
  key: string;
  name: string;
  description: string;
  ownerAccountId: string;
  stages: Array<{ id: string; name: string }>;
}

/** A stage list the demo shares word for word with the template library (copied: the demo's data is its own). */
function templateStages(key: string): DemoValueStream['stages'] {
  const stream = valueStreamTemplates.find((template) => template.key === key);
  if (!stream) throw new Error(`No value stream template ${key}`);
  return stream.stages.map((stage) => ({ ...stage }));
}

export const DEMO_VALUE_STREAMS: DemoValueStream[] = [
  {
    key: 'RUN',
    name: 'Run the service',
    description: 'From the first signal that something is wrong to the lesson that keeps it from happening again.',
    ownerAccountId: ids.apo,
    stages: templateStages('RUN'),
  },
  {
    key: 'CHANGE',
    name: 'Change the service',
    description: 'From a request for change to a release that stays up.',
    ownerAccountId: ids.apo2,
    stages: [
      { id: 'assess', name: 'Assess' },
      { id: 'approve', name: 'Approve' },
      { id: 'release', name: 'Release' },
      { id: 'verify', name: 'Verify' },
    ],
  },
  {
    key: 'JOIN',
    name: 'Join the company',
    description: 'From a signed contract to a colleague who can work on day one.',
    ownerAccountId: ids.apo,
    stages: [
      { id: 'request', name: 'Request' },
      { id: 'equip', name: 'Equip' },
      { id: 'grant', name: 'Grant access' },
      { id: 'welcome', name: 'Welcome' },
    ],
  },
];

export interface DemoKpi {
  id: string;
  name: string;
  unit: string;
  direction: 'higher' | 'lower';
  target: number;
  /** The readings the APO enters in the reviews of the six closed sprints, oldest first. */
  readings: [number, number, number, number, number, number];
}

export interface DemoProcess {
  key: string;
  name: string;
  purpose: string;
  currentSituation: string;
  apoAccountId: string;
  asmAccountId: string | null;
  valueStreamKey: string;
  stageId: string;
  kpis: DemoKpi[];
  raci: Array<{
    id: string;
    step: string;
    when: string;
    responsible: Array<ReturnType<typeof role> | ReturnType<typeof user>>;
    accountable: Array<ReturnType<typeof role> | ReturnType<typeof user>>;
    consulted: Array<ReturnType<typeof role> | ReturnType<typeof user>>;
    informed: Array<ReturnType<typeof role> | ReturnType<typeof user>>;
  }>;
  definitionOfDone: Array<{ id: string; text: string }>;
  automationCandidates: Array<{ id: string; text: string; done: boolean }>;
  status: 'draft' | 'active' | 'retired';
  /** What each closed sprint's review says was achieved and comes next (oldest first); `{story:X}` names an improvement story. */
  reviews: Array<{ achieved: string; next: string }>;
}

const standardDod = (extra: Array<{ id: string; text: string }> = []) => [
  { id: 'measure', text: 'Measure taken one sprint after the change' },
  { id: 'documented', text: 'Runbook or knowledge article updated' },
  { id: 'informed', text: 'People who work the process were told what changed' },
  ...extra,
];

export const DEMO_PROCESSES: DemoProcess[] = [
  {
    key: 'INC',
    name: 'Incident management',
    purpose: 'Restore normal service as fast as possible when something breaks, so people can get back to work.',
    currentSituation:
      'Time to restore was about 9 hours for months: every resolver group worked incidents its own way. Since the runbooks for the top ' +
      'five incident types landed, it is under 4 hours. Next: auto-assignment by category, so incidents stop waiting in the general ' +
      'queue.',
    apoAccountId: ids.apo,
    asmAccountId: ids.asm,
    valueStreamKey: 'RUN',
    stageId: 'resolve',
    kpis: [
      { id: 'mttr', name: 'Mean time to restore', unit: 'hours', direction: 'lower', target: 4, readings: [9.5, 9, 8.5, 5, 4, 3.5] },
      { id: 'fcr', name: 'First-contact resolution', unit: '%', direction: 'higher', target: 70, readings: [58, 60, 61, 66, 70, 72] },
      { id: 'sla', name: 'Incidents resolved within SLA', unit: '%', direction: 'higher', target: 90, readings: [78, 80, 79, 88, 92, 94] },
    ],
    raci: [
      {
        id: 'log',
        step: 'Log and categorise the incident',
        when: 'Within 15 minutes of the call or e-mail',
        responsible: [role('Service desk agent')],
        accountable: [user(ids.asm)],
        consulted: [],
        informed: [role('Requester')],
      },
      {
        id: 'assign',
        step: 'Assign to the resolver group',
        when: 'After categorising',
        responsible: [role('Service desk agent')],
        accountable: [user(ids.asm)],
        consulted: [role('Resolver group lead')],
        informed: [],
      },
      {
        id: 'restore',
        step: 'Restore the service using the runbook',
        when: 'Within the SLA of the priority',
        responsible: [role('Resolver group')],
        accountable: [user(ids.apo)],
        consulted: [role('Problem manager')],
        informed: [role('Requester')],
      },
      {
        id: 'close',
        step: 'Confirm with the requester and close',
        when: 'After the fix is verified',
        responsible: [role('Service desk agent')],
        accountable: [user(ids.asm)],
        consulted: [],
        informed: [role('Requester')],
      },
    ],
    definitionOfDone: standardDod([{ id: 'huddle', text: 'Shown in the service desk huddle' }]),
    automationCandidates: [
      { id: 'auto-assign', text: 'Assign incidents to the resolver group by category', done: false },
      { id: 'sla-pause', text: 'Pause the SLA timer while waiting for the customer', done: false },
      { id: 'kb-suggest', text: 'Suggest knowledge articles when an incident is raised', done: true },
    ],
    status: 'active',
    reviews: [
      {
        achieved: 'Merged duplicate incident categories; the on-call rota covers every site.',
        next: 'Find out why incidents take a working day to restore.',
      },
      {
        achieved: 'Analysed last quarter’s P1s: five incident types cause 60% of the restore time, each worked differently.',
        next: 'Write runbooks for the top five incident types ({story:runbooks}).',
      },
      {
        achieved: 'Runbooks for the top five incident types are live ({story:runbooks}); the resolver groups were trained.',
        next: 'Measure time to restore for two sprints before changing anything else.',
      },
      {
        achieved: 'Time to restore fell from 9 to 5 hours in the first sprint with the runbooks.',
        next: 'Keep measuring; prepare auto-assignment by category.',
      },
      {
        achieved: 'Time to restore at 4 hours, on target. Incidents now close within the sprint.',
        next: 'Start auto-assignment by category ({story:autoassign}).',
      },
      {
        achieved: 'Time to restore 3.5 hours, SLA attainment 94%. The runbook improvement is confirmed.',
        next: 'Auto-assignment in this sprint; pause the SLA timer while waiting for customers.',
      },
    ],
  },
  {
    key: 'MIM',
    name: 'Major incident management',
    purpose: 'Coordinate the response when an outage hits many people, and keep everyone informed while it lasts.',
    currentSituation:
      'Few major incidents, but updates to the business are late: people call the service desk to ask. A status page feed is on its way.',
    apoAccountId: ids.apo,
    asmAccountId: ids.asm,
    valueStreamKey: 'RUN',
    stageId: 'triage',
    kpis: [
      {
        id: 'first-update',
        name: 'Time to first business update',
        unit: 'minutes',
        direction: 'lower',
        target: 30,
        readings: [45, 40, 38, 35, 32, 30],
      },
      {
        id: 'pir',
        name: 'Major incidents with a post-incident review',
        unit: '%',
        direction: 'higher',
        target: 100,
        readings: [100, 50, 100, 100, 100, 100],
      },
    ],
    raci: [
      {
        id: 'declare',
        step: 'Declare a major incident',
        when: 'When more than 50 people or a critical service are hit',
        responsible: [role('Incident manager on duty')],
        accountable: [user(ids.apo)],
        consulted: [role('Service owner')],
        informed: [role('IT leadership')],
      },
      {
        id: 'update',
        step: 'Post business updates',
        when: 'Every 30 minutes until resolved',
        responsible: [user(ids.asm)],
        accountable: [user(ids.apo)],
        consulted: [],
        informed: [role('Everyone affected')],
      },
      {
        id: 'review',
        step: 'Hold the post-incident review',
        when: 'Within five working days',
        responsible: [role('Problem manager')],
        accountable: [user(ids.apo)],
        consulted: [role('Resolver groups')],
        informed: [role('IT leadership')],
      },
    ],
    definitionOfDone: standardDod(),
    automationCandidates: [{ id: 'status-page', text: 'Post updates to the status page from the major incident ticket', done: false }],
    status: 'active',
    reviews: [
      { achieved: 'Playbook drafted for declaring a major incident.', next: 'Rehearse the playbook with the on-call team.' },
      {
        achieved: 'One major incident (mail outage); the review was skipped.',
        next: 'Make the post-incident review part of closing a major incident.',
      },
      { achieved: 'Post-incident reviews held for every major incident.', next: 'Shorten the time to the first business update.' },
      { achieved: 'Update templates for the three most common outages.', next: 'Feed the status page from the ticket.' },
      { achieved: 'First business update within 32 minutes on average.', next: 'Automate status page updates ({story:statuspage}).' },
      {
        achieved: 'Status page updates posted from the ticket ({story:statuspage}).',
        next: 'Review the status page change once a major incident has used it.',
      },
    ],
  },
  {
    key: 'PRB',
    name: 'Problem management',
    purpose: 'Find and remove the causes of repeat incidents, so the same thing does not break twice.',
    currentSituation: 'Known errors are written down more often, but repeat incidents only fall slowly: the trend review is ad hoc.',
    apoAccountId: ids.apo,
    asmAccountId: ids.asm,
    valueStreamKey: 'RUN',
    stageId: 'learn',
    kpis: [
      { id: 'known-errors', name: 'Known errors documented', unit: 'count', direction: 'higher', target: 8, readings: [3, 4, 6, 5, 7, 8] },
      { id: 'repeats', name: 'Repeat incidents', unit: 'incidents', direction: 'lower', target: 5, readings: [9, 8, 8, 6, 5, 5] },
    ],
    raci: [
      {
        id: 'identify',
        step: 'Identify problems from incident trends',
        when: 'Every sprint',
        responsible: [role('Problem manager')],
        accountable: [user(ids.apo)],
        consulted: [role('Service desk lead')],
        informed: [],
      },
      {
        id: 'root-cause',
        step: 'Find the root cause and document the known error',
        when: 'Within two sprints',
        responsible: [role('Resolver group')],
        accountable: [user(ids.apo)],
        consulted: [role('Vendor')],
        informed: [role('Service desk')],
      },
    ],
    definitionOfDone: standardDod(),
    automationCandidates: [{ id: 'repeat-detect', text: 'Flag incidents that match a known error', done: false }],
    status: 'active',
    reviews: [
      { achieved: 'Three known errors documented.', next: 'Agree what counts as a repeat incident.' },
      { achieved: 'Repeat incident definition agreed with the service desk.', next: 'Document the causes of the top repeats.' },
      { achieved: 'Six known errors, including the Outlook sign-in loop.', next: 'Start a monthly trend review.' },
      { achieved: 'Trend review held once.', next: 'Make the trend review a standing meeting ({story:trend}).' },
      { achieved: 'Repeat incidents down to five.', next: 'Keep the trend review going.' },
      { achieved: 'Eight known errors documented; repeats stable at five.', next: 'Link incidents to known errors automatically.' },
    ],
  },
  {
    key: 'CHG',
    name: 'Change enablement',
    purpose: 'Make changes safely and quickly, so the business gets what it needs without outages.',
    currentSituation:
      'Scope creep: every sprint, urgent change requests arrive after planning and push planned work out. The team tried to route late ' +
      'requests to the next sprint, but "emergency" became the default label. Standard changes should take the routine ones out of the ' +
      'queue.',
    apoAccountId: ids.apo2,
    asmAccountId: ids.asm2,
    valueStreamKey: 'CHANGE',
    stageId: 'approve',
    kpis: [
      { id: 'success', name: 'Change success rate', unit: '%', direction: 'higher', target: 95, readings: [92, 90, 88, 89, 86, 87] },
      { id: 'lead-time', name: 'Lead time of a normal change', unit: 'days', direction: 'lower', target: 5, readings: [6, 7, 8, 8, 9, 9] },
      {
        id: 'unplanned',
        name: 'Change work added mid-sprint',
        unit: '%',
        direction: 'lower',
        target: 20,
        readings: [25, 35, 40, 45, 50, 48],
      },
    ],
    raci: [
      {
        id: 'request',
        step: 'Raise the request for change with a risk assessment',
        when: 'Before planning',
        responsible: [role('Change requester')],
        accountable: [user(ids.apo2)],
        consulted: [role('Service owner')],
        informed: [],
      },
      {
        id: 'approve',
        step: 'Approve normal changes',
        when: 'Within two working days',
        responsible: [user(ids.asm2)],
        accountable: [user(ids.apo2)],
        consulted: [role('Security')],
        informed: [role('Service desk')],
      },
      {
        id: 'implement',
        step: 'Implement in the agreed window',
        when: 'In the change window',
        responsible: [role('Change implementer')],
        accountable: [user(ids.apo2)],
        consulted: [],
        informed: [role('Service desk')],
      },
      {
        id: 'pir',
        step: 'Review failed changes',
        when: 'Within a week of a failure',
        responsible: [user(ids.asm2)],
        accountable: [user(ids.apo2)],
        consulted: [role('Change implementer')],
        informed: [role('IT leadership')],
      },
    ],
    definitionOfDone: standardDod([{ id: 'calendar', text: 'Change calendar updated' }]),
    automationCandidates: [
      { id: 'standard', text: 'Approve pre-approved standard changes without a review', done: false },
      { id: 'calendar-sync', text: 'Publish approved changes to the change calendar', done: true },
    ],
    status: 'active',
    reviews: [
      { achieved: 'Change calendar visible to the whole team.', next: 'Risk questionnaire for normal changes.' },
      {
        achieved: 'Risk questionnaire live. A third of the sprint’s change work arrived after planning.',
        next: 'Find out where the late requests come from.',
      },
      {
        achieved: 'Late requests come from the firewall and SAP teams, mostly routine.',
        next: 'Route late requests to the next sprint unless they are emergencies ({story:freeze}).',
      },
      { achieved: 'Late requests routed to the next sprint ({story:freeze}).', next: 'Measure mid-sprint additions for a sprint.' },
      {
        achieved: 'Mid-sprint additions went up, not down: "emergency" is now the default. The hypothesis is refuted.',
        next: 'Take routine changes out of the queue with standard changes ({story:standard}).',
      },
      { achieved: 'Standard change catalogue drafted with the firewall team.', next: 'Approve the first ten standard changes.' },
    ],
  },
  {
    key: 'REL',
    name: 'Release management',
    purpose: 'Ship changes to production in planned, reversible releases that people know about in advance.',
    currentSituation:
      'Releases mostly land on the planned date; rollbacks are rare. The portal release calendar was dropped in favour of the change ' +
      'calendar.',
    apoAccountId: ids.apo2,
    asmAccountId: ids.asm2,
    valueStreamKey: 'CHANGE',
    stageId: 'release',
    kpis: [
      {
        id: 'on-date',
        name: 'Releases on the planned date',
        unit: '%',
        direction: 'higher',
        target: 90,
        readings: [80, 85, 90, 85, 90, 95],
      },
      { id: 'rollbacks', name: 'Rollbacks', unit: 'count', direction: 'lower', target: 1, readings: [2, 1, 1, 0, 1, 0] },
    ],
    raci: [
      {
        id: 'plan',
        step: 'Plan the release and its rollback',
        when: 'A sprint ahead',
        responsible: [role('Release manager')],
        accountable: [user(ids.apo2)],
        consulted: [role('Service owner')],
        informed: [role('Service desk')],
      },
      {
        id: 'deploy',
        step: 'Deploy and verify',
        when: 'In the release window',
        responsible: [role('Release manager')],
        accountable: [user(ids.apo2)],
        consulted: [],
        informed: [role('Everyone affected')],
      },
    ],
    definitionOfDone: standardDod(),
    automationCandidates: [{ id: 'notes', text: 'Draft release notes from the linked changes', done: false }],
    status: 'active',
    reviews: [
      { achieved: 'Two releases, one rolled back (SAP patch).', next: 'Rollback plan required for every release.' },
      { achieved: 'Rollback plans in every release record.', next: 'Announce releases a week ahead.' },
      { achieved: 'Releases announced a week ahead.', next: 'Publish the release calendar on the portal ({story:calendar}).' },
      {
        achieved: 'Dropped the portal calendar: the change calendar already shows releases ({story:calendar}).',
        next: 'Keep release dates.',
      },
      { achieved: 'Nine in ten releases on the planned date.', next: 'Draft release notes from the linked changes.' },
      { achieved: 'All releases on date, no rollback.', next: 'Draft release notes from the linked changes.' },
    ],
  },
  {
    key: 'ONB',
    name: 'Employee onboarding',
    purpose: 'Make every new colleague productive on day one: laptop, accounts, badge and a welcome.',
    currentSituation:
      'Long waits: onboarding work sits flagged for days, waiting for managers to say what access a starter needs and for laptops from ' +
      'the vendor. Flow efficiency is the lowest of all processes. Pre-ordering laptops did not show a clear effect yet; asking ' +
      'managers earlier is the next experiment.',
    apoAccountId: ids.apo,
    asmAccountId: ids.asm,
    valueStreamKey: 'JOIN',
    stageId: 'equip',
    kpis: [
      { id: 'day-one', name: 'Starters ready on day one', unit: '%', direction: 'higher', target: 95, readings: [70, 65, 60, 62, 58, 60] },
      {
        id: 'laptop-days',
        name: 'Days from signed contract to laptop',
        unit: 'days',
        direction: 'lower',
        target: 5,
        readings: [8, 9, 10, 10, 11, 10],
      },
    ],
    raci: [
      {
        id: 'notify',
        step: 'HR confirms the start date',
        when: 'As soon as the contract is signed',
        responsible: [role('HR partner')],
        accountable: [user(ids.apo)],
        consulted: [],
        informed: [role('Hiring manager')],
      },
      {
        id: 'laptop',
        step: 'Order and prepare the laptop',
        when: 'Two weeks before day one',
        responsible: [role('IT technician')],
        accountable: [user(ids.asm)],
        consulted: [role('Procurement')],
        informed: [role('Hiring manager')],
      },
      {
        id: 'welcome',
        step: 'Welcome session and badge hand-over',
        when: 'Day one',
        responsible: [role('Office manager')],
        accountable: [user(ids.apo)],
        consulted: [],
        informed: [role('Team')],
      },
    ],
    definitionOfDone: standardDod([{ id: 'hr', text: 'HR partner agreed the change' }]),
    automationCandidates: [
      { id: 'preorder', text: 'Order the laptop when HR confirms the start date', done: false },
      { id: 'checklist', text: 'Create the onboarding checklist from the HR record', done: false },
    ],
    status: 'active',
    reviews: [
      { achieved: 'Onboarding checklist per role.', next: 'Find out why starters wait for their laptop.' },
      {
        achieved: 'Most waiting is for the hiring manager’s answer and the vendor’s delivery.',
        next: 'Pre-order laptops when HR confirms a start date ({story:preorder}).',
      },
      { achieved: 'Pre-ordering agreed with procurement.', next: 'Build the pre-order step.' },
      { achieved: 'Badge requests added to the checklist.', next: 'Pre-order laptops ({story:preorder}).' },
      {
        achieved: 'Work still waits on managers for days; flow efficiency is the lowest on the board.',
        next: 'Pre-ordered laptops for the next cohort.',
      },
      {
        achieved: 'Laptops pre-ordered for the cohort ({story:preorder}); too few starters to tell yet.',
        next: 'Ask managers for access needs in the offer letter ({story:offer}).',
      },
    ],
  },
  {
    key: 'ACC',
    name: 'Access requests',
    purpose: 'Give people the access they need, when they need it, and nothing more.',
    currentSituation: 'Most requests are granted within a day; standard group memberships still need a technician.',
    apoAccountId: ids.apo2,
    asmAccountId: ids.asm2,
    valueStreamKey: 'JOIN',
    stageId: 'grant',
    kpis: [
      {
        id: 'one-day',
        name: 'Access granted within one working day',
        unit: '%',
        direction: 'higher',
        target: 90,
        readings: [75, 78, 80, 82, 85, 86],
      },
    ],
    raci: [
      {
        id: 'request',
        step: 'Request access with the manager’s approval',
        when: 'Any time',
        responsible: [role('Requester')],
        accountable: [role('Manager')],
        consulted: [],
        informed: [],
      },
      {
        id: 'grant',
        step: 'Grant and record the access',
        when: 'Within one working day',
        responsible: [role('IT technician')],
        accountable: [user(ids.apo2)],
        consulted: [role('Security')],
        informed: [role('Requester')],
      },
    ],
    definitionOfDone: standardDod([{ id: 'security', text: 'Security signed off' }]),
    automationCandidates: [{ id: 'groups', text: 'Self-service for standard group memberships', done: false }],
    status: 'active',
    reviews: [
      { achieved: 'Access request form simplified.', next: 'Measure time to grant.' },
      { achieved: 'Three in four requests granted within a day.', next: 'Find the slow ones.' },
      { achieved: 'Slow requests need a second approver.', next: 'Drop the second approver for standard groups.' },
      { achieved: 'Second approver dropped for standard groups.', next: 'Keep measuring.' },
      { achieved: '85% within a day.', next: 'Self-service for standard groups ({story:selfservice}).' },
      { achieved: 'Self-service design agreed with security.', next: 'Build self-service for standard groups ({story:selfservice}).' },
    ],
  },
  {
    key: 'PUR',
    name: 'Purchasing',
    purpose: 'Buy what teams need at a fair price, approved by the right people, without e-mail chains.',
    currentSituation: 'Approvals moved into Jira; approval time is on target. Renewals still surprise us.',
    apoAccountId: ids.apo2,
    asmAccountId: ids.asm2,
    valueStreamKey: 'JOIN',
    stageId: 'request',
    kpis: [
      {
        id: 'approval-days',
        name: 'Purchase approval time',
        unit: 'days',
        direction: 'lower',
        target: 3,
        readings: [4, 4, 3.5, 3, 3, 2.5],
      },
    ],
    raci: [
      {
        id: 'request',
        step: 'Raise the purchase request with three quotes',
        when: 'Before ordering',
        responsible: [role('Requester')],
        accountable: [role('Budget owner')],
        consulted: [role('Procurement')],
        informed: [],
      },
      {
        id: 'approve',
        step: 'Approve purchases over 5,000 EUR',
        when: 'Within three working days',
        responsible: [role('Finance controller')],
        accountable: [user(ids.apo2)],
        consulted: [],
        informed: [role('Requester')],
      },
    ],
    definitionOfDone: standardDod(),
    automationCandidates: [{ id: 'renewals', text: 'Remind the budget owner 90 days before a renewal', done: false }],
    status: 'active',
    reviews: [
      { achieved: 'Approval step for purchases over 5,000 EUR.', next: 'Stop approvals by e-mail.' },
      { achieved: 'E-mail approvals stopped.', next: 'Track renewal dates.' },
      { achieved: 'Renewal dates of the top ten vendors tracked.', next: 'Reuse returned laptops.' },
      {
        achieved: 'Returned laptops reused before buying new ones.',
        next: 'Pre-approved catalogue for standard laptops ({story:catalogue}).',
      },
      { achieved: 'Approval time on target.', next: 'Keep it there.' },
      { achieved: 'Approval time 2.5 days.', next: 'Remind budget owners 90 days before a renewal.' },
    ],
  },
  {
    key: 'KNW',
    name: 'Knowledge management',
    purpose: 'Capture what the service desk learns so the next person finds the answer in minutes.',
    currentSituation: 'Draft: the APO is still agreeing the scope with the service desk lead.',
    apoAccountId: ids.apo,
    asmAccountId: null,
    valueStreamKey: 'RUN',
    stageId: 'learn',
    kpis: [
      { id: 'reuse', name: 'Incidents solved with an article', unit: '%', direction: 'higher', target: 40, readings: [0, 0, 0, 0, 0, 0] },
    ],
    raci: [],
    definitionOfDone: standardDod(),
    automationCandidates: [],
    status: 'draft',
    reviews: [],
  },
  {
    key: 'CAB',
    name: 'Weekly change advisory board',
    purpose: 'Review every normal change in a weekly meeting.',
    currentSituation: 'Retired: replaced by risk-based approval in Change enablement (CHG) and standard changes.',
    apoAccountId: ids.apo2,
    asmAccountId: ids.asm2,
    valueStreamKey: 'CHANGE',
    stageId: 'approve',
    kpis: [],
    raci: [],
    definitionOfDone: [],
    automationCandidates: [],
    status: 'retired',
    reviews: [],
  },
];
