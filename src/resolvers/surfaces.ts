import type { ResolverKey } from '../contract';

/**
 * Least privilege: each Custom UI surface gets its own Forge function exposing only the keys it calls, so the
 * issue panel cannot reach, say, `rotateWebTriggerSecret`. The manifest names one function per surface;
 * `test/unit/resolvers/surfaces.test.ts` checks these lists against the manifest and against what each UI calls.
 */
export const surfaceKeys = {
  /** `jira:issuePanel` process-loop-issue-panel: the process link and the improvement story of one issue
   *  (and creating one from it). */
  issuePanel: [
    'getIssueProcessPanel',
    'linkIssueToProcess',
    'unlinkIssueFromProcess',
    'getImprovementSetup',
    'getIssueImprovement',
    'toggleImprovementDod',
    'recordImprovementOutcome',
    'createImprovementStory',
  ],
  /** `jira:projectPage` process-loop-project-page: catalog, sprint health, backlog, review, automation settings. */
  projectPage: [
    'getCatalog',
    'saveProcess',
    'saveValueStream',
    'searchUsers',
    'getProcessTemplates',
    'getLinkSuggestions',
    'acceptLinkSuggestion',
    'getImprovementSetup',
    'enableImprovementsForProject',
    'createImprovementStory',
    'getProcessBacklog',
    'reorderProcessBacklog',
    'getSprintReview',
    'saveSprintReview',
    'exportProcessReviewsCsv',
    'getSprintHealthSetup',
    'listBoardSprints',
    'getSprintHealth',
    'getSprintHealthProgress',
    'getSprintHealthDrillDown',
    'getHealthSettings',
    'previewHealthSettings',
    'saveHealthSettings',
    'getAutomationSettings',
    'saveAutoLinkRules',
    'rotateWebTriggerSecret',
  ],
  /** The automation actions' configuration form (`action` modules' `resolver`). */
  automationConfig: ['getAutomationFormOptions', 'validateAutomationInputs'],
} as const satisfies Record<string, readonly ResolverKey[]>;

export type Surface = keyof typeof surfaceKeys;
