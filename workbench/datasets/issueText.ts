import type { Random } from './random';
import type { DatasetIssue } from './datasetSchema';
import type { IssueKind } from './siteBasics';
import type { IssueRole } from './sprintSimulation';

/**
 * Realistic service-management work, by theme: what the summaries say and which component and labels
 * such work carries (auto-link rules map components and labels to processes).
 */

export type ThemeKey = 'incident' | 'onboarding' | 'purchasing' | 'change' | 'network';

export interface Theme {
  key: ThemeKey;
  component: string;
  labels: string[];
  epic: string[];
  summaries: Partial<Record<IssueKind, string[]>> & { story: string[]; task: string[]; bug: string[] };
}

const FILL = {
  app: ['Outlook', 'Teams', 'SAP', 'Salesforce', 'the HR portal', 'Confluence', 'the expense tool', 'Zoom'],
  site: ['Berlin', 'Dublin', 'Madrid', 'the Lisbon office', 'the warehouse', 'HQ floor 3', 'Amsterdam'],
  vendor: ['Dell', 'Lenovo', 'Cisco', 'Adobe', 'Atlassian', 'Microsoft', 'Zscaler'],
  who: ['new starters', 'contractors', 'interns', 'the finance team', 'remote staff', 'sales', 'support agents'],
  n: ['2', '3', '5', '12', '20', '40'],
};

export const THEMES: Theme[] = [
  {
    key: 'incident',
    component: 'Service Desk',
    labels: ['incident', 'major-incident', 'sla', 'password'],
    epic: ['Faster incident triage', 'Major incident playbook'],
    summaries: {
      story: [
        'Auto-assign {app} incidents to the right resolver group',
        'Show SLA countdown on incident tickets',
        'Let {who} reset their own password',
        'Post major incident updates to the status page',
        'Suggest knowledge articles when raising an incident',
      ],
      task: [
        'Review last month’s P1 incidents with the resolver groups',
        'Update the on-call rota for {site}',
        'Merge duplicate incident categories',
        'Write a known-error article for {app} sign-in loops',
      ],
      bug: [
        '{app} sign-in fails for {who}',
        'Incident priority matrix ignores impact field',
        'SLA timer keeps running while waiting for customer',
        'Email notifications for {app} outages arrive twice',
      ],
      risk: ['Single on-call engineer for {app} over the holidays', 'No tested failover for the service desk phone line'],
      techDebt: ['Retire the legacy incident email parser', 'Clean up {n} unused incident queues'],
      subtask: ['Draft the article', 'Test with the {site} team', 'Update the runbook'],
    },
  },
  {
    key: 'onboarding',
    component: 'Onboarding',
    labels: ['onboarding', 'laptop', 'access-request', 'hr'],
    epic: ['Day-one ready onboarding', 'Offboarding clean-up'],
    summaries: {
      story: [
        'Pre-order laptops when HR confirms a start date',
        'Welcome pack checklist for {who}',
        'Create accounts for {who} before day one',
        'Manager dashboard of open onboarding tasks',
        'Revoke access automatically on the last working day',
      ],
      task: [
        'Prepare {n} laptops for the {site} starters',
        'Update the onboarding checklist for {who}',
        'Order badges for the {site} cohort',
        'Set up {app} licences for new starters',
      ],
      bug: ['Onboarding form drops the cost centre', 'New starter accounts miss the {app} group', 'Badge request never reaches facilities'],
      risk: ['{n} starters on one Monday with two technicians'],
      techDebt: ['Replace the onboarding spreadsheet macros'],
      subtask: ['Image the laptops', 'Create the accounts', 'Book the welcome session'],
    },
  },
  {
    key: 'purchasing',
    component: 'Procurement',
    labels: ['purchasing', 'licence', 'vendor', 'approval'],
    epic: ['Purchase approvals in one place', 'Licence cost control'],
    summaries: {
      story: [
        'Approval step for purchases over 5,000 EUR',
        'Request {vendor} licences from the portal',
        'Track renewal dates of {vendor} contracts',
        'Reuse returned laptops before buying new ones',
      ],
      task: [
        'Renew the {vendor} support contract',
        'Reconcile {app} licences with HR records',
        'Get three quotes for {n} monitors',
        'Archive purchase orders older than seven years',
      ],
      bug: [
        'Purchase request total ignores VAT',
        'Approver list still shows a former manager',
        '{vendor} invoice import fails on credit notes',
      ],
      risk: ['{vendor} price increase at renewal', 'Unapproved software spend on team cards'],
      techDebt: ['Move purchase approvals off email'],
      subtask: ['Collect quotes', 'Get budget approval', 'Raise the purchase order'],
    },
  },
  {
    key: 'change',
    component: 'Change',
    labels: ['change', 'cab', 'standard-change', 'release'],
    epic: ['Standard changes without CAB', 'Change calendar for everyone'],
    summaries: {
      story: [
        'Pre-approved standard change for firewall rules',
        'Show the change calendar on the portal',
        'Risk questionnaire for normal changes',
        'Link changes to the incidents they caused',
      ],
      task: [
        'Document the standard change template for {app}',
        'Prepare this week’s CAB agenda',
        'Review failed changes of last quarter',
        'Schedule the {app} upgrade window',
      ],
      bug: [
        'Change freeze dates not shown on the calendar',
        'Emergency change skips the approval record',
        'CAB approval email links to the wrong change',
      ],
      risk: ['{app} upgrade without a rollback plan', 'Change freeze overlaps the {vendor} migration'],
      techDebt: ['Remove unused change types', 'Migrate change templates from the old tool'],
      subtask: ['Write the rollback plan', 'Notify the stakeholders', 'Run the post-implementation review'],
    },
  },
  {
    key: 'network',
    component: 'Network',
    labels: ['network', 'vpn', 'wifi', 'incident'],
    epic: ['Reliable remote access', 'Office network refresh'],
    summaries: {
      story: [
        'Self-service VPN certificate renewal',
        'Guest Wi-Fi with a daily code for {site}',
        'Alert the service desk on switch failures',
      ],
      task: ['Replace the access points in {site}', 'Renew the {vendor} VPN certificates', 'Map network ports on HQ floor 3'],
      bug: ['VPN drops every 30 minutes for {who}', 'Wi-Fi in {site} slow after 10:00', 'DNS lookups fail for {app}'],
      risk: ['{vendor} firewall end of support next year', 'Single internet line at {site}'],
      techDebt: ['Retire the old {vendor} VPN concentrator'],
      subtask: ['Survey the floor', 'Order the hardware', 'Update the network diagram'],
    },
  },
];

export function fillTemplate(rng: Random, template: string): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => rng.pick(FILL[name as keyof typeof FILL] ?? [name]));
}

export function summaryFor(rng: Random, theme: Theme, kind: IssueKind): string {
  const options = theme.summaries[kind] ?? theme.summaries.task;
  return fillTemplate(rng, rng.pick(options));
}

/** Issue types by why the issue was made: mid-sprint additions are mostly bugs and tasks. */
export function kindFor(rng: Random, role: IssueRole): IssueKind {
  const r = rng.next();
  if (role === 'added') return r < 0.45 ? 'bug' : r < 0.8 ? 'task' : r < 0.9 ? 'story' : 'risk';
  return r < 0.45 ? 'story' : r < 0.65 ? 'task' : r < 0.8 ? 'bug' : r < 0.92 ? 'techDebt' : 'risk';
}

export function priorityFor(rng: Random, kind: IssueKind): DatasetIssue['priority'] {
  const r = rng.next();
  if (kind === 'bug' || kind === 'risk') return r < 0.15 ? 'Highest' : r < 0.5 ? 'High' : r < 0.9 ? 'Medium' : 'Low';
  return r < 0.05 ? 'High' : r < 0.8 ? 'Medium' : r < 0.95 ? 'Low' : 'Lowest';
}
