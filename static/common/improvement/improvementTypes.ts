// Types only: the zod schemas behind them must never reach a browser bundle.
import type { PayloadOf, ResultOf } from '../../../src/contract';

export type ImprovementSetup = ResultOf<'getImprovementSetup'>;
export type ImprovementProcess = ImprovementSetup['processes'][number];
export type ImprovementStoryInput = PayloadOf<'createImprovementStory'>;
export type CreatedStory = ResultOf<'createImprovementStory'>;
export type IssueImprovement = ResultOf<'getIssueImprovement'>;
export type ImprovementProperty = NonNullable<IssueImprovement['improvement']>;
export type DodLine = IssueImprovement['dod'][number];
export type ImprovementOutcome = NonNullable<ImprovementProperty['outcome']>;
export type OutcomeValue = ImprovementOutcome['value'];
export type Measure = NonNullable<ImprovementProperty['measure']>;
export type ProcessBacklog = ResultOf<'getProcessBacklog'>;
export type BacklogGroup = ProcessBacklog['groups'][number];
export type BacklogStory = BacklogGroup['stories'][number];
export type SprintReviewView = ResultOf<'getSprintReview'>;
export type ReviewSprint = SprintReviewView['sprint'];
export type SprintReviewRecord = NonNullable<SprintReviewView['review']>;
export type SprintReviewHistoryEntry = SprintReviewView['history'][number];
export type DoneStory = SprintReviewView['doneStories'][number];
