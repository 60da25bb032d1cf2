import type { ResultOf } from '../../../../src/contract';

/** What the automation tab loads: auto-link rules, the processes they may point at, the web trigger. */
export type AutomationSettings = ResultOf<'getAutomationSettings'>;
