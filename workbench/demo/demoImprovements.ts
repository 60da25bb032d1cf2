import { DEMO_ACCOUNT_IDS } from '../datasets/siteBasics';

/**
 * The improvement stories of the demo: at least one in every state (to do, in progress, done, won't do,
 * planned into the future sprint), with and without a measure, with all three outcomes and one done
 * without an outcome (the backlog highlights it). Sent through the app as their APO (or by an
 * automation rule); where the story then moves in Jira, a team member moves it as people do.
 */
const ids = DEMO_ACCOUNT_IDS;

/** Where the story sits in Jira: the sprint (index of the closed ones, or active / future / none) and its status. */
export type DemoJiraState = { sprint: number | 'active' | 'future' | null; status: 'todo' | 'inProgress' | 'done' | 'wontDo' };

export interface DemoImprovement {
  id: string;
  processKey: string;
  /** Who creates it; `action`: an automation rule run as this user. */
  by: string;
  via: 'resolver' | 'action';
  iWant: string;
  soThat: string;
  change: string;
  outcome: string;
  measure: { kpiId: string | null; description: string; baseline: number; target: number; unit: string } | null;
  benefit: number;
  cost: number;
  jira: DemoJiraState;
  /** DoD items ticked (by the ASM, or a member when there is none). */
  dodTicked: string[];
  /** The review outcome: recorded in the sprint review of the story's sprint, or on the issue panel. */
  result?: { value: 'confirmed' | 'refuted' | 'inconclusive'; note: string; via: 'review' | 'panel' };
}

export const DEMO_IMPROVEMENTS: DemoImprovement[] = [
  {
    id: 'runbooks',
    processKey: 'INC',
    by: ids.apo,
    via: 'resolver',
    iWant: 'runbooks for the five incident types that cause most of the restore time',
    soThat: 'every resolver group restores them the same, fast way',
    change: 'a runbook for each of the top five incident types',
    outcome: 'a shorter time to restore',
    measure: { kpiId: 'mttr', description: 'Mean time to restore', baseline: 9, target: 4, unit: '' },
    benefit: 5,
    cost: 2,
    jira: { sprint: 2, status: 'done' },
    dodTicked: ['measure', 'documented', 'informed', 'huddle'],
    result: {
      value: 'confirmed',
      note: 'Time to restore fell from 9 to 5 hours in the next sprint and to 3.5 hours since.',
      via: 'review',
    },
  },
  {
    id: 'freeze',
    processKey: 'CHG',
    by: ids.apo2,
    via: 'resolver',
    iWant: 'change requests raised after planning to go to the next sprint unless they are emergencies',
    soThat: 'planned change work is not pushed out every sprint',
    change: 'routing late change requests to the next sprint',
    outcome: 'less change work added mid-sprint',
    measure: { kpiId: 'unplanned', description: 'Change work added mid-sprint', baseline: 35, target: 20, unit: '' },
    benefit: 4,
    cost: 2,
    jira: { sprint: 3, status: 'done' },
    dodTicked: ['measure', 'documented', 'informed'],
    result: { value: 'refuted', note: 'Mid-sprint additions rose to 45–50%: requesters now label everything an emergency.', via: 'review' },
  },
  {
    id: 'preorder',
    processKey: 'ONB',
    by: ids.apo,
    via: 'resolver',
    iWant: 'laptops pre-ordered when HR confirms a start date',
    soThat: 'starters do not wait for the vendor',
    change: 'pre-ordering laptops at the confirmed start date',
    outcome: 'laptops ready before day one',
    measure: { kpiId: 'laptop-days', description: 'Days from signed contract to laptop', baseline: 9, target: 5, unit: '' },
    benefit: 4,
    cost: 3,
    jira: { sprint: 5, status: 'done' },
    dodTicked: ['measure', 'informed', 'hr'],
    result: {
      value: 'inconclusive',
      note: 'Only two starters since, and the vendor was late for both. Measure again with the next cohort.',
      via: 'panel',
    },
  },
  {
    id: 'calendar',
    processKey: 'REL',
    by: ids.apo2,
    via: 'resolver',
    iWant: 'the release calendar on the portal',
    soThat: 'people know when releases happen',
    change: 'publishing the release calendar',
    outcome: 'fewer calls about release dates',
    measure: null,
    benefit: 2,
    cost: 3,
    jira: { sprint: 3, status: 'wontDo' },
    dodTicked: [],
  },
  {
    id: 'autoassign',
    processKey: 'INC',
    by: ids.apo,
    via: 'resolver',
    iWant: 'incidents assigned to the resolver group by their category',
    soThat: 'incidents stop waiting in the general queue',
    change: 'auto-assignment by category',
    outcome: 'more incidents solved at first contact',
    measure: { kpiId: 'fcr', description: 'First-contact resolution', baseline: 66, target: 75, unit: '' },
    benefit: 4,
    cost: 3,
    jira: { sprint: 'active', status: 'inProgress' },
    dodTicked: ['documented'],
  },
  {
    id: 'offer',
    processKey: 'ONB',
    by: ids.apo,
    via: 'resolver',
    iWant: 'hiring managers to state the starter’s access needs in the offer letter',
    soThat: 'onboarding work does not wait for their answer',
    change: 'asking for access needs with the offer letter',
    outcome: 'shorter waits in onboarding',
    measure: { kpiId: null, description: 'Days onboarding work waits for the manager', baseline: 6, target: 2, unit: 'days' },
    benefit: 5,
    cost: 2,
    jira: { sprint: 'active', status: 'inProgress' },
    dodTicked: ['measure', 'hr'],
  },
  {
    id: 'statuspage',
    processKey: 'MIM',
    by: ids.asm,
    via: 'action',
    iWant: 'post major incident updates to the status page from the ticket',
    soThat: '',
    change: 'status page updates from the ticket will cut calls to the service desk during outages',
    outcome: '',
    measure: { kpiId: 'first-update', description: 'Time to first business update', baseline: 35, target: 20, unit: '' },
    benefit: 4,
    cost: 2,
    // Done in the last closed sprint, its outcome not recorded yet: the backlog highlights it.
    jira: { sprint: 5, status: 'done' },
    dodTicked: ['documented', 'informed'],
  },
  {
    id: 'slapause',
    processKey: 'INC',
    by: ids.apo,
    via: 'resolver',
    iWant: 'the SLA timer paused while we wait for the customer',
    soThat: 'SLA reports show our own delays, not the customer’s',
    change: 'pausing the SLA timer in "Waiting for customer"',
    outcome: 'SLA attainment that reflects our work',
    measure: { kpiId: 'sla', description: 'Incidents resolved within SLA', baseline: 90, target: 95, unit: '' },
    benefit: 3,
    cost: 1,
    jira: { sprint: null, status: 'todo' },
    dodTicked: [],
  },
  {
    id: 'kb',
    processKey: 'INC',
    by: ids.apo,
    via: 'resolver',
    iWant: 'knowledge articles suggested while an incident is raised',
    soThat: 'requesters solve simple issues themselves',
    change: 'suggesting articles on the portal',
    outcome: 'fewer incidents for known questions',
    measure: null,
    benefit: 3,
    cost: 3,
    jira: { sprint: null, status: 'todo' },
    dodTicked: [],
  },
  {
    id: 'standard',
    processKey: 'CHG',
    by: ids.apo2,
    via: 'resolver',
    iWant: 'a catalogue of pre-approved standard changes for the ten most common changes',
    soThat: 'routine changes no longer need a review or jump into the sprint',
    change: 'standard changes for routine work',
    outcome: 'less change work added mid-sprint and a shorter lead time',
    measure: { kpiId: 'unplanned', description: 'Change work added mid-sprint', baseline: 48, target: 20, unit: '' },
    benefit: 5,
    cost: 3,
    jira: { sprint: 'future', status: 'todo' },
    dodTicked: [],
  },
  {
    id: 'trend',
    processKey: 'PRB',
    by: ids.apo,
    via: 'resolver',
    iWant: 'a monthly trend review of repeat incidents',
    soThat: 'problems are found before they repeat',
    change: 'a standing trend review',
    outcome: 'fewer repeat incidents',
    measure: { kpiId: 'repeats', description: 'Repeat incidents', baseline: 8, target: 5, unit: '' },
    benefit: 3,
    cost: 2,
    jira: { sprint: null, status: 'todo' },
    dodTicked: [],
  },
  {
    id: 'selfservice',
    processKey: 'ACC',
    by: ids.apo2,
    via: 'resolver',
    iWant: 'self-service requests for standard group memberships',
    soThat: 'people get routine access in minutes',
    change: 'self-service for standard groups',
    outcome: 'more access granted within a day',
    measure: { kpiId: 'one-day', description: 'Access granted within one working day', baseline: 85, target: 95, unit: '' },
    benefit: 4,
    cost: 4,
    jira: { sprint: null, status: 'todo' },
    dodTicked: [],
  },
  {
    id: 'catalogue',
    processKey: 'PUR',
    by: ids.apo2,
    via: 'resolver',
    iWant: 'a pre-approved catalogue of standard laptops',
    soThat: 'standard purchases need no approval round',
    change: 'a pre-approved laptop catalogue',
    outcome: 'a shorter approval time',
    measure: { kpiId: 'approval-days', description: 'Purchase approval time', baseline: 3, target: 1, unit: '' },
    benefit: 3,
    cost: 2,
    jira: { sprint: null, status: 'todo' },
    dodTicked: [],
  },
];

/** The APO's own order of the INC backlog (top first), not the benefit ÷ cost order. */
export const DEMO_INC_BACKLOG_ORDER = ['autoassign', 'slapause', 'kb', 'runbooks'];

/**
 * The story whose outcome a team member rewrites through Jira's REST API after the review (refuted → "confirmed by
 * the APO"), so the demo shows "Changed outside Process Loop" and the APO's real outcome.
 */
export const DEMO_TAMPERED_STORY = 'freeze';
