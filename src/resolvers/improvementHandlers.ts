import { createImprovementStory } from '../useCases/improvements/createImprovementStory';
import { enableImprovementsForProject, getImprovementSetup } from '../useCases/improvements/improvementSetup';
import { getIssueImprovement, recordImprovementOutcome, toggleImprovementDod } from '../useCases/improvements/issueImprovementPanel';
import { getProcessBacklog, reorderProcessBacklog } from '../useCases/improvements/processBacklog';
import { exportProcessReviewsCsv, getSprintReview, saveSprintReview } from '../useCases/review/sprintReview';

/** Handlers of `improvementContract`: issue type, improvement stories, backlog, sprint review. */
export const improvementHandlers = {
  getImprovementSetup,
  enableImprovementsForProject,
  createImprovementStory,
  getIssueImprovement,
  toggleImprovementDod,
  recordImprovementOutcome,
  getProcessBacklog,
  reorderProcessBacklog,
  getSprintReview,
  saveSprintReview,
  exportProcessReviewsCsv,
};
