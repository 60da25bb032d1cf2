import { improvementStoryInputSchema } from '../../../../src/contract/improvementContract';
import { createImprovementStory } from '../../../../src/useCases/improvements/createImprovementStory';
import { anImprovementStoryInput } from '../../../builders/improvementBuilders';
import { incidentWorkbenchPerTest } from '../../../support/improvementSeed';
import { asUser } from '../../../support/useCaseInvocation';
import { issuePropertyAsApp } from '../../../support/issueProperties';

const wb = incidentWorkbenchPerTest();

const propertyOf = (issueKey: string, propertyKey: string) => issuePropertyAsApp<unknown>(wb(), issueKey, propertyKey);
/** The story as the contract parses it (defaults filled in). */
const story = (overrides: Parameters<typeof anImprovementStoryInput>[0] = {}) =>
  improvementStoryInputSchema.parse(anImprovementStoryInput(overrides));
const issueCreates = () => wb().jira.requestLog.filter((entry) => entry.method === 'POST' && entry.path === '/rest/api/3/issue').length;

describe('creating an improvement story', () => {
  it('creates the story as the actor in a project known only by its key, with its improvement details and process link', async () => {
    const result = await asUser(wb(), wb().users.member, (actor) =>
      createImprovementStory({ ...story(), project: { key: 'ITSM' } }, actor),
    );
    expect(result).toMatchObject({ outcome: 'created', issue: { key: expect.stringMatching(/^ITSM-\d+$/) } });
    const { key } = result.issue;
    expect(await propertyOf(key, 'process-loop-improvement')).toMatchObject({
      processKey: 'INC',
      createdBy: wb().users.member,
      benefit: 4,
      cost: 2,
    });
    expect(await propertyOf(key, 'process-loop-link')).toMatchObject({ processKey: 'INC', linkedBy: wb().users.member });
  });

  it('refuses an unknown project or process before creating anything', async () => {
    const before = issueCreates();
    await expect(
      asUser(wb(), wb().users.member, (actor) => createImprovementStory({ ...story(), project: { key: 'NOPE' } }, actor)),
    ).rejects.toMatchObject({ kind: 'not-found' });
    await expect(
      asUser(wb(), wb().users.member, (actor) =>
        createImprovementStory({ ...story({ processKey: 'XYZ' }), project: { key: 'ITSM' } }, actor),
      ),
    ).rejects.toMatchObject({ kind: 'invalid', details: { fields: { processKey: expect.any(String) } } });
    expect(issueCreates()).toBe(before);
  });
});
