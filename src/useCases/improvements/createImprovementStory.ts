import { buildProcessLink, PROCESS_LINK_PROPERTY_KEY } from '../../domain/catalog/processLink';
import { IMPROVEMENT_PROPERTY_KEY } from '../../domain/improvements/improvementProperty';
import type { ImprovementProperty } from '../../domain/improvements/improvementProperty';
import { buildImprovementProperty, storyDescription, storySummary, type StoryInput } from '../../domain/improvements/improvementStory';
import { DomainError } from '../../domain/errors';
import { createIssueAsUser } from '../../jira/issueCreate';
import { writeIssueProperty } from '../../jira/issueProperties';
import { fetchProjectRef } from '../../jira/issueLinks';
import { fetchProjectIssueTypes } from '../../jira/issueTypes';
import { readProcess, readValueStream } from '../../storage/catalogStore';
import { readImprovementTypeRecord } from '../../storage/improvementSetupStore';
import type { Actor, JiraRef } from '../actor';
import { accountOf } from './improvementContext';
import { chooseStoryType } from './improvementSetup';
import { improvementRecordOf, linkRecordOf } from '../../domain/records/appRecords';
import { updateImprovementRecord, writeLinkRecord } from '../../storage/appRecordStore';

const reason = (error: unknown) => (error instanceof DomainError ? error.message : 'Jira did not answer as expected.');

export type CreateImprovementStoryInput = StoryInput & {
  /** The project page's project; an automation rule knows only the key, which is looked up as the actor. */
  project: JiraRef | { key: string };
};

export type CreateImprovementStoryResult =
  | { outcome: 'created'; issue: JiraRef; improvement: ImprovementProperty }
  | { outcome: 'partial'; issue: JiraRef; failedStep: 'improvement-property' | 'process-link'; message: string };

async function projectRefOf(project: CreateImprovementStoryInput['project']): Promise<JiraRef> {
  if ('id' in project) return project;
  const found = await fetchProjectRef('user', project.key);
  if (!found) throw new DomainError('not-found', `Project ${project.key} doesn't exist or you can't browse it.`);
  return found;
}

/**
 * Creates the story as the actor in the project, then writes the improvement property and the
 * process link (as the actor). Everything that can be checked is checked before the issue exists;
 * a failure after it exists is reported as `partial`, naming the step.
 */
export async function createImprovementStory(input: CreateImprovementStoryInput, actor: Actor): Promise<CreateImprovementStoryResult> {
  const accountId = accountOf(actor);
  const projectRef = await projectRefOf(input.project);
  const process = await readProcess(input.processKey);
  if (!process) {
    throw new DomainError('invalid', `There is no process with key ${input.processKey}.`, {
      fields: { processKey: 'Pick a process from the list.' },
    });
  }
  const now = new Date();
  const [valueStream, projectTypes, record] = await Promise.all([
    process.valueStreamKey ? readValueStream(process.valueStreamKey) : Promise.resolve(null),
    fetchProjectIssueTypes('user', projectRef.id),
    readImprovementTypeRecord(),
  ]);
  const improvement = buildImprovementProperty(input, process, accountId, now);
  const link = buildProcessLink({ process, valueStream, stageId: null, linkedBy: accountId, now });
  const { type } = chooseStoryType(projectTypes, record?.typeId ?? null);
  if (!type) throw new DomainError('invalid', 'This project has no issue type a story can be created with.');

  const issue = await createIssueAsUser({
    projectId: projectRef.id,
    issueTypeId: type.id,
    summary: storySummary(input.userStory),
    description: storyDescription(improvement, process.name),
  });
  try {
    await writeIssueProperty(issue.id, IMPROVEMENT_PROPERTY_KEY, improvement);
    await updateImprovementRecord(issue.id, () => ({ record: improvementRecordOf(improvement) }));
  } catch (error) {
    return {
      outcome: 'partial',
      issue,
      failedStep: 'improvement-property',
      message: `${issue.key} was created, but saving its improvement details failed (${reason(error)}). Open ${issue.key} and link it to ${process.key} again, or delete it.`,
    };
  }
  try {
    await writeIssueProperty(issue.id, PROCESS_LINK_PROPERTY_KEY, link);
    await writeLinkRecord(issue.id, linkRecordOf(link));
  } catch (error) {
    return {
      outcome: 'partial',
      issue,
      failedStep: 'process-link',
      message: `${issue.key} was created with its improvement details, but linking it to ${process.key} failed (${reason(error)}). Link it from the issue's Process Loop panel.`,
    };
  }
  return { outcome: 'created', issue, improvement };
}
