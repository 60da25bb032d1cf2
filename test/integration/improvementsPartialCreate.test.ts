import { aProcessInput, aValueStreamInput } from '../builders/catalogBuilders';
import { anImprovementStoryInput } from '../builders/improvementBuilders';
import { createTestWorkbench, type TestWorkbench } from '../support/testWorkbench';

/**
 * A story whose issue was created but whose details could not be stored is reported as such.
 * Its own file: the app remembers a site's rate-limit pause for the life of the module.
 */
let wb: TestWorkbench;
/** The platform's Jira is the stand-in: tests read and move issues directly. */
const standIn = () => wb.jira;

beforeEach(async () => {
  wb = await createTestWorkbench();
  const { admin, apo, asm } = wb.users;
  await wb.invoke(admin, 'saveValueStream', { valueStream: aValueStreamInput({ ownerAccountId: admin }), expectedVersion: null });
  await wb.invoke(admin, 'saveProcess', { process: aProcessInput({ apoAccountId: apo, asmAccountId: asm }), expectedVersion: null });
});
afterEach(() => {
  wb.expectNoContractViolations();
  wb.close();
});

it('reports clearly when the issue exists but its improvement details could not be saved', async () => {
  // Every path under /rest/api/3/issue/ answers 429 for a while: the create succeeds, the property write does not.
  wb.jira.setRateLimits([{ pathPrefix: '/rest/api/3/issue/', count: 50, retryAfterSeconds: 30, reason: 'jira-burst-based' }]);
  const result = await wb.invoke(wb.users.member, 'createImprovementStory', anImprovementStoryInput());
  expect(result).toMatchObject({
    ok: true,
    data: {
      outcome: 'partial',
      failedStep: 'improvement-property',
      issue: { key: expect.stringMatching(/^ITSM-/) },
      message: expect.stringContaining('was created'),
    },
  });
  const key = (result as { data: { issue: { key: string } } }).data.issue.key;
  expect(standIn().issue(key)?.properties['process-loop-improvement']).toBeUndefined();
});
