import type { ResolverError } from '../../../src/contract';
import type { CatalogProcess } from '../../../static/common/catalogTypes';
import type { ImprovementProcess, SprintReviewView } from '../../../static/common/improvement/improvementTypes';
import type { StoryDraft } from '../../../static/common/improvement/storyDraft';
import { emptyStoryDraft } from '../../../static/common/improvement/storyDraft';
import { aProcess } from '../../builders/catalogBuilders';

/** Small named builders for the UI helpers' inputs: each test states only what matters to it. */
export function aResolverError(overrides: Partial<ResolverError> = {}): ResolverError {
  return { code: 'INTERNAL', message: '', ...overrides };
}

export function anImprovementProcess(overrides: Partial<ImprovementProcess> = {}): ImprovementProcess {
  return {
    key: 'INC',
    name: 'Incident management',
    status: 'active',
    valueStreamKey: 'RUN',
    apoAccountId: 'apo-1',
    asmAccountId: null,
    kpis: [{ id: 'mttr', name: 'Mean time to restore', unit: 'hours', direction: 'lower', target: 4 }],
    definitionOfDone: [],
    ...overrides,
  };
}

/** A draft the create form would accept: every required field typed, a KPI measure, both scales picked. */
export function aCompleteStoryDraft(overrides: Partial<StoryDraft> = {}): StoryDraft {
  return {
    ...emptyStoryDraft('INC'),
    asA: 'service desk agent',
    iWant: 'a runbook per top incident',
    soThat: 'restores are faster',
    change: 'runbooks for the top five incidents',
    outcome: 'a shorter time to restore',
    kpiId: 'mttr',
    measureDescription: 'Mean time to restore',
    baseline: '8',
    target: '6',
    benefit: 4,
    cost: 2,
    ...overrides,
  };
}

export function aCatalogProcess(overrides: Partial<CatalogProcess> = {}): CatalogProcess {
  return aProcess(overrides);
}

type DoneStory = SprintReviewView['doneStories'][number];
export function aDoneStory(overrides: Partial<DoneStory> = {}): DoneStory {
  return { issueId: '10001', issueKey: 'ITSM-1', summary: 'Runbooks', outcome: null, changedOutside: false, ...overrides };
}

export function aSprintReviewView(overrides: Partial<SprintReviewView> = {}): SprintReviewView {
  const sprint = { id: 17, name: 'Sprint 17', state: 'active' as const, startDate: null, endDate: null, overdueNote: null };
  return {
    process: anImprovementProcess({
      kpis: [
        { id: 'mttr', name: 'Time to restore', unit: 'hours', direction: 'lower', target: 4 },
        { id: 'frt', name: 'First response', unit: 'minutes', direction: 'lower', target: 30 },
      ],
    }),
    sprint,
    sprints: [sprint],
    review: null,
    hiddenOutcomeCount: 0,
    history: [],
    doneStories: [],
    users: [],
    canEdit: true,
    readOnlyReason: null,
    sprintClosed: false,
    ...overrides,
  };
}

export type SavedReview = NonNullable<SprintReviewView['review']>;
export function aSavedReview(overrides: Partial<SavedReview> = {}): SavedReview {
  return {
    processKey: 'INC',
    sprintId: 17,
    achieved: 'Three runbooks',
    next: 'Two more',
    kpiReadings: [],
    storyOutcomes: [],
    version: 3,
    createdAt: '2026-01-01T00:00:00.000Z',
    createdBy: 'apo-1',
    updatedAt: '2026-01-02T00:00:00.000Z',
    updatedBy: 'apo-1',
    ...overrides,
  };
}
