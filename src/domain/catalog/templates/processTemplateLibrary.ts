import { candidates, checklist, kpi, step, type ProcessTemplate, type ValueStreamTemplate } from './processTemplates';

/**
 * The library: five value streams and the practices that sit in them. Content a service manager
 * would recognise (ITIL 4 practice names), meant as a starting point the APO adapts, not a standard:
 * targets are common first targets, RACI parties are roles to be replaced by people.
 */

export const valueStreamTemplates: readonly ValueStreamTemplate[] = [
  {
    key: 'RUN',
    name: 'Run the service',
    description: 'From the first signal that something is wrong or wanted to a resolved outcome and the lesson learned.',
    stages: [
      { id: 'detect', name: 'Detect' },
      { id: 'triage', name: 'Triage' },
      { id: 'resolve', name: 'Resolve' },
      { id: 'learn', name: 'Learn' },
    ],
  },
  {
    key: 'CHANGE',
    name: 'Change the service',
    description: 'From a proposed change to a released, reviewed improvement running in production.',
    stages: [
      { id: 'assess', name: 'Assess' },
      { id: 'approve', name: 'Approve' },
      { id: 'deploy', name: 'Deploy' },
      { id: 'release', name: 'Release' },
      { id: 'review', name: 'Review' },
    ],
  },
  {
    key: 'JOIN',
    name: 'Join the organisation',
    description: 'From a signed offer to a new colleague who is equipped, has access and feels welcome on day one.',
    stages: [
      { id: 'request', name: 'Request' },
      { id: 'prepare', name: 'Prepare' },
      { id: 'provision', name: 'Provision' },
      { id: 'welcome', name: 'Welcome' },
    ],
  },
  {
    key: 'BUY',
    name: 'Source and buy',
    description: 'From a need for goods or services to an approved order, received, paid and registered.',
    stages: [
      { id: 'request', name: 'Request' },
      { id: 'approve', name: 'Approve' },
      { id: 'order', name: 'Order' },
      { id: 'receive', name: 'Receive' },
    ],
  },
  {
    key: 'AGREE',
    name: 'Agree and improve the service',
    description: 'Understand what customers need, agree service levels, measure them and improve where it matters.',
    stages: [
      { id: 'understand', name: 'Understand' },
      { id: 'agree', name: 'Agree' },
      { id: 'measure', name: 'Measure' },
      { id: 'improve', name: 'Improve' },
    ],
  },
];

export const processTemplates: readonly ProcessTemplate[] = [
  {
    id: 'monitoring-and-event-management',
    practice: 'Monitoring and event management',
    key: 'MON',
    name: 'Monitoring and event management',
    purpose: 'Notice what happens to services and their components before users do, act on the events that matter and ignore the noise.',
    valueStreamKey: 'RUN',
    stageId: 'detect',
    kpis: [
      kpi('Incidents detected by monitoring', '%', 'higher', 70),
      kpi('Actionable alerts', '%', 'higher', 80),
      kpi('Mean time to detect', 'minutes', 'lower', 10),
    ],
    raci: [
      step(
        'Define what to monitor and the thresholds',
        'When a service or component goes live',
        ['Monitoring engineer'],
        'Service owner',
        ['Architect'],
        ['Service desk'],
      ),
      step('Filter and correlate events', 'Continuously', ['Monitoring tool', 'Operations engineer'], 'Operations lead'),
      step(
        'Raise an incident for actionable alerts',
        'When an alert crosses a threshold',
        ['Operations engineer'],
        'Operations lead',
        [],
        ['Service desk'],
      ),
      step('Tune noisy alerts', 'Every sprint', ['Monitoring engineer'], 'Operations lead', ['Service owner']),
    ],
    definitionOfDone: checklist([
      'Alert thresholds documented for each changed check',
      'False-positive rate measured for a week after the change',
      'Runbook linked from every new alert',
    ]),
    automationCandidates: candidates([
      'Open an incident automatically from a critical alert',
      'Suppress duplicate alerts within a maintenance window',
    ]),
  },
  {
    id: 'service-desk',
    practice: 'Service desk',
    key: 'DESK',
    name: 'Service desk',
    purpose:
      'Be the single point of contact for users: capture every demand for incident resolution and service requests, and route it right ' +
      'the first time.',
    valueStreamKey: 'RUN',
    stageId: 'triage',
    kpis: [
      kpi('First contact resolution', '%', 'higher', 70),
      kpi('Time to first response', 'minutes', 'lower', 15),
      kpi('Customer satisfaction', 'score (1–5)', 'higher', 4.3),
      kpi('Reassignment rate', '%', 'lower', 10),
    ],
    raci: [
      step('Register the contact', 'On every call, chat or portal request', ['Service desk agent'], 'Service desk lead'),
      step('Categorise and prioritise', 'Within 15 minutes', ['Service desk agent'], 'Service desk lead', [], ['Requester']),
      step('Resolve or route to the right team', 'After categorising', ['Service desk agent'], 'Service desk lead', ['Resolver team']),
      step('Confirm resolution with the user', 'When the work is done', ['Service desk agent'], 'Service desk lead', [], ['Requester']),
    ],
    definitionOfDone: checklist([
      'Portal forms and categories updated',
      'Agents briefed on the change',
      'Knowledge article published or updated',
      'First-contact resolution compared with the baseline after two weeks',
    ]),
    automationCandidates: candidates([
      'Suggest knowledge articles while the user types',
      'Auto-route by category and component',
      'Send a satisfaction survey on resolution',
    ]),
  },
  {
    id: 'incident-management',
    practice: 'Incident management',
    key: 'INC',
    name: 'Incident management',
    purpose: 'Minimise the negative impact of incidents by restoring normal service operation as quickly as possible.',
    valueStreamKey: 'RUN',
    stageId: 'resolve',
    kpis: [
      kpi('Mean time to restore', 'hours', 'lower', 4),
      kpi('Incidents resolved within SLA', '%', 'higher', 95),
      kpi('Reopened incidents', '%', 'lower', 5),
    ],
    raci: [
      step(
        'Log and classify the incident',
        'As soon as it is reported or detected',
        ['Service desk agent'],
        'Service desk lead',
        [],
        ['Requester'],
      ),
      step('Investigate and diagnose', 'After classification', ['Resolver team'], 'Incident manager', ['Service owner']),
      step(
        'Restore the service',
        'As soon as a fix or workaround is known',
        ['Resolver team'],
        'Incident manager',
        ['Change manager'],
        ['Service desk'],
      ),
      step('Close and confirm with the user', 'When service is restored', ['Service desk agent'], 'Incident manager', [], ['Requester']),
      step('Hand recurring incidents to problem management', 'On the third occurrence', ['Incident manager'], 'Problem manager'),
    ],
    definitionOfDone: checklist([
      'Runbook updated for the incident types affected',
      'Major incident communication templates checked',
      'Restore times compared with the baseline after one sprint',
    ]),
    automationCandidates: candidates([
      'Page the on-call engineer for priority 1 incidents',
      'Link incidents from the same alert automatically',
      'Escalate incidents nearing their SLA breach',
    ]),
  },
  {
    id: 'service-request-management',
    practice: 'Service request management',
    key: 'SRQ',
    name: 'Service request management',
    purpose: 'Fulfil pre-defined, user-initiated requests (access, equipment, information) in an effective and user-friendly way.',
    valueStreamKey: 'RUN',
    stageId: 'resolve',
    kpis: [
      kpi('Requests fulfilled within target time', '%', 'higher', 90),
      kpi('Average fulfilment time', 'days', 'lower', 2),
      kpi('Requests raised through the portal', '%', 'higher', 85),
    ],
    raci: [
      step('Submit the request', 'Whenever a user needs something from the catalog', ['Requester'], 'Service desk lead'),
      step('Approve when the catalog item needs it', 'Before fulfilment', ['Line manager'], 'Budget holder', [], ['Requester']),
      step('Fulfil the request', 'After approval', ['Fulfilment team'], 'Service request manager', [], ['Requester']),
      step('Close and ask for feedback', 'When fulfilled', ['Service desk agent'], 'Service request manager', [], ['Requester']),
    ],
    definitionOfDone: checklist([
      'Catalog item described in user language',
      'Approval rule agreed with the budget holder',
      'Fulfilment steps documented for the fulfilment team',
    ]),
    automationCandidates: candidates([
      'Auto-approve low-cost standard requests',
      'Fulfil software requests by licence assignment',
      'Remind approvers after one working day',
    ]),
  },
  {
    id: 'problem-management',
    practice: 'Problem management',
    key: 'PRB',
    name: 'Problem management',
    purpose:
      'Reduce the likelihood and impact of incidents by finding their causes, managing workarounds and known errors, and removing them ' +
      'for good.',
    valueStreamKey: 'RUN',
    stageId: 'learn',
    kpis: [
      kpi('Repeat incidents', 'per month', 'lower', 5),
      kpi('Problems with root cause found within 30 days', '%', 'higher', 75),
      kpi('Known errors with a documented workaround', '%', 'higher', 90),
    ],
    raci: [
      step('Identify problems from incident trends', 'Every sprint', ['Problem analyst'], 'Problem manager', ['Service desk lead']),
      step('Analyse the root cause', 'For each prioritised problem', ['Resolver team', 'Problem analyst'], 'Problem manager', [
        'Architect',
      ]),
      step(
        'Record the known error and workaround',
        'As soon as a workaround exists',
        ['Problem analyst'],
        'Problem manager',
        [],
        ['Service desk'],
      ),
      step(
        'Remove the cause through a change',
        'When the fix is worth its cost',
        ['Resolver team'],
        'Service owner',
        ['Change manager'],
        ['Problem manager'],
      ),
    ],
    definitionOfDone: checklist([
      'Root cause recorded on the problem',
      'Known error article published',
      'Fix verified by the absence of repeat incidents for a month',
    ]),
    automationCandidates: candidates([
      'Open a problem when the same incident recurs three times',
      'Link new incidents to matching known errors',
    ]),
  },
  {
    id: 'knowledge-management',
    practice: 'Knowledge management',
    key: 'KNW',
    name: 'Knowledge management',
    purpose:
      'Keep the knowledge people need to use and support services accurate, findable and used, so nobody solves the same thing twice.',
    valueStreamKey: 'RUN',
    stageId: 'learn',
    kpis: [
      kpi('Tickets resolved with a linked article', '%', 'higher', 50),
      kpi('Articles reviewed in the last 6 months', '%', 'higher', 90),
      kpi('Self-service deflection', '%', 'higher', 25),
    ],
    raci: [
      step(
        'Capture knowledge while resolving',
        'On every resolved ticket without an article',
        ['Service desk agent', 'Resolver team'],
        'Knowledge manager',
      ),
      step(
        'Review and publish the article',
        'Within a week of capture',
        ['Subject matter expert'],
        'Knowledge manager',
        [],
        ['Service desk'],
      ),
      step('Retire or refresh stale articles', 'Every quarter', ['Knowledge manager'], 'Knowledge manager', ['Subject matter expert']),
    ],
    definitionOfDone: checklist([
      'Article written in plain language with a clear title',
      'Article reviewed by a subject matter expert',
      'Article linked from the request type or component it helps',
    ]),
    automationCandidates: candidates(['Flag articles not viewed for six months', 'Suggest an article draft from a resolved ticket']),
  },
  {
    id: 'service-configuration-management',
    practice: 'Service configuration management',
    key: 'CFG',
    name: 'Service configuration management',
    purpose:
      'Know how services are built from configuration items and how they depend on each other, so changes and incidents are assessed on ' +
      'facts.',
    valueStreamKey: 'CHANGE',
    stageId: 'assess',
    kpis: [
      kpi('Configuration items verified in audit', '%', 'higher', 95),
      kpi('Changes with impact assessed from the CMDB', '%', 'higher', 80),
      kpi('Incidents caused by unknown dependencies', 'per month', 'lower', 2),
    ],
    raci: [
      step(
        'Define which configuration items to record',
        'When a service is designed or changed',
        ['Configuration manager'],
        'Service owner',
        ['Architect'],
      ),
      step(
        'Update records as part of every change',
        'When the change is implemented',
        ['Change implementer'],
        'Configuration manager',
        [],
        ['Service desk'],
      ),
      step('Audit records against discovery', 'Every month', ['Configuration analyst'], 'Configuration manager', [], ['Service owner']),
    ],
    definitionOfDone: checklist([
      'Configuration item types and relations documented',
      'Discovery reconciled with the records',
      'Audit result compared with the previous audit',
    ]),
    automationCandidates: candidates([
      'Reconcile discovered devices with the CMDB nightly',
      'Block change closure until the CI is updated',
    ]),
  },
  {
    id: 'change-enablement',
    practice: 'Change enablement',
    key: 'CHG',
    name: 'Change enablement',
    purpose:
      'Maximise the number of successful service changes by assessing risk properly, authorising changes quickly and managing the ' +
      'change schedule.',
    valueStreamKey: 'CHANGE',
    stageId: 'approve',
    kpis: [
      kpi('Change success rate', '%', 'higher', 95),
      kpi('Lead time from request to approval', 'days', 'lower', 2),
      kpi('Emergency changes', '%', 'lower', 5),
      kpi('Changes causing incidents', '%', 'lower', 3),
    ],
    raci: [
      step('Raise the change with risk and rollback plan', 'Before any work on production', ['Change requester'], 'Change owner', [
        'Service owner',
      ]),
      step('Assess risk and impact', 'Within one working day', ['Change manager'], 'Change manager', ['Configuration manager', 'Security']),
      step(
        'Authorise the change',
        'Standard changes pre-authorised; normal changes by the change authority',
        ['Change authority'],
        'Change manager',
        [],
        ['Service desk'],
      ),
      step('Schedule and communicate', 'After authorisation', ['Change manager'], 'Change manager', [], ['Affected users', 'Service desk']),
      step('Review the outcome', 'After implementation', ['Change owner'], 'Change manager', [], ['Change authority']),
    ],
    definitionOfDone: checklist([
      'Risk model updated',
      'Standard change catalog reviewed',
      'Change success rate compared with the baseline after one sprint',
    ]),
    automationCandidates: candidates([
      'Pre-approve standard changes from the catalog',
      'Collect risk data from the CI pipeline',
      'Detect schedule clashes automatically',
    ]),
  },
  {
    id: 'deployment-management',
    practice: 'Deployment management',
    key: 'DEP',
    name: 'Deployment management',
    purpose: 'Move new or changed hardware, software and documentation to live environments safely, repeatably and often.',
    valueStreamKey: 'CHANGE',
    stageId: 'deploy',
    kpis: [
      kpi('Deployment frequency', 'per week', 'higher', 10),
      kpi('Failed deployments', '%', 'lower', 5),
      kpi('Mean time to roll back', 'minutes', 'lower', 30),
    ],
    raci: [
      step('Prepare the deployment package', 'When the build passes its tests', ['Developer'], 'Team lead', [], ['Release manager']),
      step(
        'Deploy to the target environment',
        'In the agreed window',
        ['Deployment pipeline', 'Operations engineer'],
        'Operations lead',
        [],
        ['Change manager'],
      ),
      step(
        'Verify and roll back on failure',
        'Right after deployment',
        ['Operations engineer'],
        'Operations lead',
        ['Developer'],
        ['Service desk'],
      ),
    ],
    definitionOfDone: checklist([
      'Deployment scripted in the pipeline, no manual steps',
      'Rollback tested',
      'Deployment recorded on the change',
    ]),
    automationCandidates: candidates([
      'Deploy automatically after approval',
      'Roll back when health checks fail',
      'Post the deployment to the change record',
    ]),
  },
  {
    id: 'release-management',
    practice: 'Release management',
    key: 'REL',
    name: 'Release management',
    purpose:
      'Make new and changed services and features available to users at the right time, with the users and support teams ready for ' +
      'them.',
    valueStreamKey: 'CHANGE',
    stageId: 'release',
    kpis: [
      kpi('Releases on planned date', '%', 'higher', 90),
      kpi('Incidents in the first week after release', 'count', 'lower', 3),
      kpi('Releases with release notes published', '%', 'higher', 100),
    ],
    raci: [
      step('Plan the release and its content', 'Each release cycle', ['Release manager'], 'Product owner', ['Service owner']),
      step('Prepare users and support', 'Before the release date', ['Release manager'], 'Service owner', ['Service desk lead'], ['Users']),
      step('Release to users', 'On the release date', ['Release manager'], 'Product owner', [], ['Users', 'Service desk']),
      step('Review early life support', 'One week after release', ['Release manager'], 'Service owner', ['Service desk lead']),
    ],
    definitionOfDone: checklist(['Release notes published', 'Service desk briefed', 'Early life support period agreed']),
    automationCandidates: candidates(['Generate release notes from completed issues', 'Toggle features per user group']),
  },
  {
    id: 'employee-onboarding',
    practice: 'Employee onboarding',
    key: 'ONB',
    name: 'Employee onboarding',
    purpose:
      'Make every new colleague productive and welcome from day one: equipment, access, a buddy and a plan ready before they arrive.',
    valueStreamKey: 'JOIN',
    stageId: 'prepare',
    kpis: [
      kpi('Ready on day one', '%', 'higher', 95),
      kpi('Lead time from signed offer to ready', 'days', 'lower', 5),
      kpi('New-hire satisfaction after 30 days', 'score (1–5)', 'higher', 4.5),
    ],
    raci: [
      step('Register the new hire', 'When the contract is signed', ['HR partner'], 'Hiring manager', [], ['IT service desk', 'Facilities']),
      step(
        'Prepare workplace and equipment',
        'At least 5 working days before the start',
        ['IT service desk', 'Facilities'],
        'Onboarding coordinator',
        [],
        ['Hiring manager'],
      ),
      step('Grant accounts and access', 'At least 2 working days before the start', ['Identity team'], 'Onboarding coordinator', [
        'Hiring manager',
      ]),
      step('Welcome and first-week plan', 'On day one', ['Buddy', 'Hiring manager'], 'Hiring manager', [], ['Team']),
    ],
    definitionOfDone: checklist([
      'Checklist for HR, IT and facilities updated',
      'New-hire survey question added or changed',
      'Day-one readiness measured for the next three starters',
    ]),
    automationCandidates: candidates([
      'Create onboarding sub-tasks from the HR record',
      'Order the standard laptop bundle automatically',
      'Send the welcome mail with the first-week plan',
    ]),
  },
  {
    id: 'access-management',
    practice: 'Information security management (access)',
    key: 'ACC',
    name: 'Access management',
    purpose: 'Give people the access their role needs, quickly and only for as long as they need it, and prove it in audits.',
    valueStreamKey: 'JOIN',
    stageId: 'provision',
    kpis: [
      kpi('Access granted within target time', '%', 'higher', 95),
      kpi('Leavers with access removed on last day', '%', 'higher', 100),
      kpi('Access review findings', 'per quarter', 'lower', 5),
    ],
    raci: [
      step('Request access for a role', 'When someone joins or changes role', ['Line manager'], 'Line manager', [], ['Requester']),
      step('Approve access', 'Before granting', ['System owner'], 'System owner', ['Security']),
      step('Grant or remove access', 'Within one working day', ['Identity team'], 'Identity lead', [], ['Requester']),
      step('Review access rights', 'Every quarter', ['System owner'], 'Security manager', [], ['Internal audit']),
    ],
    definitionOfDone: checklist([
      'Role-based access profile updated',
      'Security consulted on the change',
      'Next access review shows no new findings',
    ]),
    automationCandidates: candidates(['Grant role profiles from the HR system', 'Remove access automatically on the leaving date']),
  },
  {
    id: 'purchasing',
    practice: 'Purchasing',
    key: 'PUR',
    name: 'Purchasing',
    purpose:
      'Buy what the organisation needs at the right price and quality, with approvals that are fast for small spend and careful for ' +
      'large spend.',
    valueStreamKey: 'BUY',
    stageId: 'approve',
    kpis: [
      kpi('Purchase requests approved within 2 days', '%', 'higher', 90),
      kpi('Spend under contract', '%', 'higher', 80),
      kpi('Purchase order cycle time', 'days', 'lower', 5),
    ],
    raci: [
      step('Raise the purchase request', 'When a need arises', ['Requester'], 'Budget holder'),
      step('Approve against budget and policy', 'Within 2 working days', ['Budget holder'], 'Finance controller', ['Procurement']),
      step('Place the purchase order', 'After approval', ['Buyer'], 'Procurement lead', [], ['Requester']),
      step('Match invoice and receipt', 'When the invoice arrives', ['Accounts payable'], 'Finance controller', [], ['Buyer']),
    ],
    definitionOfDone: checklist([
      'Approval thresholds documented',
      'Preferred supplier list checked',
      'Cycle time compared with the baseline after a month',
    ]),
    automationCandidates: candidates([
      'Auto-approve requests under the low-value threshold',
      'Create the purchase order from an approved request',
    ]),
  },
  {
    id: 'supplier-management',
    practice: 'Supplier management',
    key: 'SUP',
    name: 'Supplier management',
    purpose: 'Make sure suppliers and their performance support the services we promise, from selection and contract to regular review.',
    valueStreamKey: 'BUY',
    stageId: 'order',
    kpis: [
      kpi('Suppliers meeting their service levels', '%', 'higher', 90),
      kpi('Contracts reviewed before renewal', '%', 'higher', 100),
      kpi('Supplier-caused incidents', 'per month', 'lower', 2),
    ],
    raci: [
      step('Select and contract the supplier', 'For a new need or a renewal', ['Procurement'], 'Supplier manager', [
        'Legal',
        'Service owner',
      ]),
      step('Monitor supplier performance', 'Every month', ['Supplier manager'], 'Supplier manager', ['Service owner']),
      step(
        'Review the relationship and contract',
        'Every quarter and before renewal',
        ['Supplier manager'],
        'Service owner',
        ['Finance controller'],
        ['Procurement'],
      ),
    ],
    definitionOfDone: checklist([
      'Supplier service levels recorded in the contract register',
      'Performance review minutes filed',
      'Renewal decision documented',
    ]),
    automationCandidates: candidates(['Warn 90 days before a contract ends', 'Report supplier SLA breaches from linked incidents']),
  },
  {
    id: 'it-asset-management',
    practice: 'IT asset management',
    key: 'ITAM',
    name: 'IT asset management',
    purpose: 'Know what IT assets we own, where they are and what they cost across their lifecycle, to spend wisely and stay compliant.',
    valueStreamKey: 'BUY',
    stageId: 'receive',
    kpis: [
      kpi('Assets with a known owner', '%', 'higher', 98),
      kpi('Software licence compliance', '%', 'higher', 100),
      kpi('Unused licences', '%', 'lower', 5),
    ],
    raci: [
      step('Register the asset on receipt', 'When goods are received', ['Asset coordinator'], 'Asset manager', [], ['Requester']),
      step('Assign to a user or service', 'On handover', ['IT service desk'], 'Asset manager', [], ['User']),
      step('Reconcile licences and inventory', 'Every quarter', ['Asset coordinator'], 'Asset manager', ['Procurement']),
      step(
        'Dispose of retired assets securely',
        'At end of life',
        ['Asset coordinator'],
        'Asset manager',
        ['Security'],
        ['Finance controller'],
      ),
    ],
    definitionOfDone: checklist([
      'Asset register updated',
      'Disposal certificate filed where assets were retired',
      'Licence position re-checked',
    ]),
    automationCandidates: candidates(['Create asset records from delivery notes', 'Reclaim licences unused for 60 days']),
  },
  {
    id: 'relationship-management',
    practice: 'Relationship management',
    key: 'BRM',
    name: 'Relationship management',
    purpose:
      'Understand what our customers and stakeholders need and value, and keep a relationship in which priorities are agreed, not ' +
      'guessed.',
    valueStreamKey: 'AGREE',
    stageId: 'understand',
    kpis: [
      kpi('Stakeholder satisfaction', 'score (1–5)', 'higher', 4),
      kpi('Key customers with a service review this quarter', '%', 'higher', 100),
    ],
    raci: [
      step(
        'Map stakeholders and their needs',
        'Once a year and when the organisation changes',
        ['Relationship manager'],
        'Head of service management',
        ['Service owners'],
      ),
      step(
        'Hold service reviews with customers',
        'Every quarter',
        ['Relationship manager'],
        'Relationship manager',
        ['Service owners'],
        ['Customers'],
      ),
      step('Turn feedback into improvement requests', 'After each review', ['Relationship manager'], 'Service owner', [], ['Customers']),
    ],
    definitionOfDone: checklist([
      'Stakeholder map updated',
      'Review actions recorded with owners',
      'Customer told what changed because of their feedback',
    ]),
    automationCandidates: candidates(['Schedule quarterly reviews for key customers', 'Send the satisfaction survey after each review']),
  },
  {
    id: 'service-level-management',
    practice: 'Service level management',
    key: 'SLM',
    name: 'Service level management',
    purpose:
      'Set clear, business-based targets for service levels, and make sure delivery is measured, reported and improved against them.',
    valueStreamKey: 'AGREE',
    stageId: 'agree',
    kpis: [
      kpi('Service level targets met', '%', 'higher', 95),
      kpi('Services with an agreed SLA', '%', 'higher', 90),
      kpi('SLA breaches', 'per month', 'lower', 3),
    ],
    raci: [
      step(
        'Agree service level targets with the customer',
        'When a service starts and at each renewal',
        ['Service level manager'],
        'Service owner',
        ['Relationship manager', 'Customers'],
      ),
      step(
        'Measure and report achievement',
        'Every month',
        ['Service level manager'],
        'Service level manager',
        [],
        ['Customers', 'Service owner'],
      ),
      step('Act on breaches and trends', 'When a target is missed', ['Service owner'], 'Service level manager', ['Resolver team']),
    ],
    definitionOfDone: checklist([
      'SLA document updated and agreed',
      'SLA timers configured in Jira',
      'Report shows the new measure for one month',
    ]),
    automationCandidates: candidates(['Warn the assignee before an SLA breach', 'Publish the monthly service level report']),
  },
  {
    id: 'continual-improvement',
    practice: 'Continual improvement',
    key: 'CSI',
    name: 'Continual improvement',
    purpose: 'Align practices and services with changing needs through small, measured improvements, reviewed sprint by sprint.',
    valueStreamKey: 'AGREE',
    stageId: 'improve',
    kpis: [
      kpi('Improvement experiments reviewed on time', '%', 'higher', 90),
      kpi('Improvements confirmed by their measure', '%', 'higher', 50),
    ],
    raci: [
      step('Collect improvement ideas', 'Continuously', ['Everyone'], 'Agile process owner'),
      step('Order the improvement backlog by benefit and cost', 'Every sprint planning', ['Agile process owner'], 'Agile process owner', [
        'Agile service manager',
      ]),
      step('Run the experiment', 'During the sprint', ['Team'], 'Agile process owner', [], ['Stakeholders']),
      step(
        'Review the outcome against the hypothesis',
        'At the sprint review',
        ['Agile process owner'],
        'Agile process owner',
        ['Agile service manager'],
        ['Stakeholders'],
      ),
    ],
    definitionOfDone: checklist([
      'Hypothesis, baseline and target written on the story',
      'Measure taken after the change',
      'Outcome recorded (confirmed, refuted or inconclusive)',
    ]),
    automationCandidates: candidates(['Remind the APO when a review date passes', 'Record KPI readings from monitoring']),
  },
];
