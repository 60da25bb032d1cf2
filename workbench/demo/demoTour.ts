import { DEMO_ACCOUNT_IDS } from '../datasets/siteBasics';

/**
 * The start page's guided tour of the demo story: what to try first, who to act as, and what the
 * numbers should show. Each link carries `?as=<accountId>`, which the host pages take as “Acting as”.
 * The README's Quick start tells the same tour in short.
 */
export interface TourStep {
  title: string;
  /** Who to act as: display name and role, as the user switcher shows them. */
  as: { accountId: string; name: string; role: string };
  links: Array<{ href: string; label: string }>;
  text: string;
}

const ids = DEMO_ACCOUNT_IDS;
const PRIYA = { accountId: ids.apo, name: 'Priya Raman', role: 'APO' };
const ADA = { accountId: ids.admin, name: 'Ada Okafor', role: 'admin' };
const LIAM = { accountId: ids.member, name: 'Liam Byrne', role: 'member' };
const MARCUS = { accountId: ids.apo2, name: 'Marcus Lindqvist', role: 'APO' };

const withUser = (href: string, accountId: string) => `${href}${href.includes('?') ? '&' : '?'}as=${encodeURIComponent(accountId)}`;

/**
 * `improvementKey`: the incident runbooks story (confirmed); `tamperedKey`: the CHG story whose outcome was rewritten
 * through Jira's REST API; each when the story was played.
 */
export function demoTour(options: { improvementKey: string | null; tamperedKey?: string | null }): TourStep[] {
  const page = '/projects/ITSM/process-loop';
  const story = options.improvementKey;
  const step = (title: string, as: TourStep['as'], links: Array<[href: string, label: string]>, text: string): TourStep => ({
    title,
    as,
    links: links.map(([href, label]) => ({ href, label })),
    text,
  });
  // Most steps send the user to one section of the project page.
  const onPage = (title: string, as: TourStep['as'], section: string, text: string) =>
    step(title, as, [[page, `Project page → ${section}`]], text);
  const steps: TourStep[] = [
    onPage(
      'Sprint health tells the story',
      PRIYA,
      'Sprint health',
      'Every process row shows a trend of the six frozen sprints. INC: flow time p85 fell from days to about a day from the fourth ' +
        `sprint on, after the runbooks improvement${story ? ` (${story})` : ''} was confirmed. CHG: scope change far above 20% every ` +
        'sprint — change work keeps arriving mid-sprint. ONB: the lowest flow efficiency, work waits flagged for days. Click a number ' +
        'to drill down to the issues behind it; pick a closed sprint to see its frozen result. Every score says “incomplete data”: ' +
        'the app was installed after these sprints started, so it holds no start snapshot and Jira search cannot find issues ' +
        'removed since; from the next sprint start on, it records one.',
    ),
    onPage(
      'The catalog and its value streams',
      PRIYA,
      'Processes',
      'Switch to the value-stream view: Run the service (Detect → Triage → Resolve → Learn), Change the service and Join the company, ' +
        'each stage with its processes. Open INC: purpose, APO and ASM, KPIs with targets, RACI, Definition of Done, automation ' +
        'candidates, current situation. KNW is a draft, CAB retired.',
    ),
    onPage(
      'Add from templates',
      ADA,
      'Processes → Add from templates',
      'Add a common service-management process (for example service request fulfilment) from a template, then adjust it to your ' +
        'organisation.',
    ),
    step(
      'The issue panel',
      LIAM,
      [
        ['/browse/ITSM-1', 'ITSM-1'],
        ['/browse/ITSM-2', 'ITSM-2'],
      ],
      'ITSM-1 is linked to INC: the panel shows its owners, purpose and KPI targets. ITSM-2 (network work) is not linked: pick a ' +
        'process with the searchable picker.',
    ),
    onPage(
      'Suggest links for unlinked work',
      ADA,
      'Processes → Suggest links',
      'About twenty network issues are deliberately unlinked; the suggestions group them by component, label and issue type with a ' +
        'process to link them to. Switch to Grace Kim (viewer): she sees the same suggestions and is told that linking needs the ' +
        'Edit issues permission.',
    ),
    {
      title: 'An improvement story and the backlog',
      as: PRIYA,
      links: [...(story ? [{ href: `/browse/${story}`, label: story }] : []), { href: page, label: 'Project page → Improvement backlog' }],
      text:
        `${story ? `${story}: ` : ''}hypothesis, measure (time to restore 9 → 4 hours), Definition of Done all ticked, ` +
        'outcome confirmed. The backlog: INC ordered by hand, stories in every state, the highlights (a done story without an ' +
        'outcome, stories without a measure).',
    },
    ...(options.tamperedKey
      ? [
          step(
            'Changed outside Process Loop',
            MARCUS,
            [[`/browse/${options.tamperedKey}`, options.tamperedKey]],
            'Marcus refuted this CHG story in the review; Liam then rewrote its issue property through Jira’s REST API, claiming ' +
              'Marcus confirmed it. The panel shows the refuted outcome Process Loop recorded, marked “Changed outside Process ' +
              'Loop” with what the property claims; the backlog and the review carry the same mark.',
          ),
        ]
      : []),
    onPage(
      'The sprint review',
      PRIYA,
      'Sprint review',
      'Pick INC and ITSM Sprint 3: what was achieved, what next, the KPI readings, the confirmed outcome and the history of who ' +
        'changed what.',
    ),
    {
      title: 'Automation',
      as: ADA,
      links: [
        { href: page, label: 'Project page → Automation' },
        {
          href: '/automation/rules/new?action=link-work-item-to-process&project=ITSM&issue=ITSM-2',
          label: 'Run the link action in a rule',
        },
      ],
      text:
        'Auto-link rules (labels → MIM, PRB, REL, ACC; component Procurement → PUR), the web trigger’s URL and signing secret. Some ' +
        'demo links came from rules, some from epics (inherited), some from an automation action: the panel says which.',
    },
    step(
      'JQL on the process link',
      LIAM,
      [
        ['/issues?jql=asmProcess%20%3D%20INC', 'asmProcess = INC'],
        ['/issues?jql=project%20%3D%20ITSM%20AND%20asmProcess%20IS%20EMPTY', 'unlinked ITSM work'],
      ],
      'The link is an indexed issue property: filter, build boards and write automation conditions on it.',
    ),
  ];
  return steps.map((step) => ({ ...step, links: step.links.map((link) => ({ ...link, href: withUser(link.href, step.as.accountId) })) }));
}
