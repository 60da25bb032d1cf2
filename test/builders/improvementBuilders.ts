import type { PayloadOf } from '../../src/contract';
import type { ImprovementProperty } from '../../src/domain/improvements/improvementProperty';
import { LONG_AGO } from './datasetBuilders';

/** Small named builders for improvement stories and sprint reviews: each test states only what matters. */
export type StoryPayload = PayloadOf<'createImprovementStory'>;

export function anImprovementStoryInput(overrides: Partial<StoryPayload> = {}): StoryPayload {
  return {
    processKey: 'INC',
    userStory: { asA: 'service desk agent', iWant: 'a runbook per top incident', soThat: 'restores are faster' },
    hypothesis: { change: 'runbooks for the top five incidents', outcome: 'a 25% shorter time to restore' },
    measure: { kpiId: 'mttr', description: 'Mean time to restore', baseline: 8, target: 6, unit: '' },
    benefit: 4,
    cost: 2,
    ...overrides,
  };
}

export function anImprovementProperty(overrides: Partial<ImprovementProperty> = {}): ImprovementProperty {
  return {
    schemaVersion: 1,
    processKey: 'INC',
    userStory: { asA: 'agent', iWant: 'x', soThat: 'y' },
    hypothesis: { change: 'a', outcome: 'b' },
    measure: null,
    benefit: 3,
    cost: 3,
    score: 1,
    dod: [],
    outcome: null,
    createdBy: 'acc-1',
    createdAt: LONG_AGO,
    ...overrides,
  };
}

export type ReviewPayload = PayloadOf<'saveSprintReview'>;

export function aSprintReviewInput(overrides: Partial<ReviewPayload> = {}): ReviewPayload {
  return {
    processKey: 'INC',
    sprintId: 17,
    achieved: 'Runbooks for the top three incidents',
    next: 'Two more runbooks',
    kpiReadings: [],
    storyOutcomes: [],
    expectedVersion: null,
    ...overrides,
  };
}
