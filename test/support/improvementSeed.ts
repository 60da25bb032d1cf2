import { improvementStoryInputSchema } from '../../src/contract/improvementContract';
import { createImprovementStory } from '../../src/useCases/improvements/createImprovementStory';
import { aProcessInput, aValueStreamInput } from '../builders/catalogBuilders';
import { anImprovementStoryInput } from '../builders/improvementBuilders';
import { createTestWorkbench, type TestWorkbench } from './testWorkbench';
import { asUser } from './useCaseInvocation';

/** The catalog the improvement use case tests start from: value stream RUN with process INC (APO and ASM by role). */
export async function seedIncidentProcess(wb: TestWorkbench): Promise<void> {
  const { admin, apo, asm } = wb.users;
  await wb.invoke(admin, 'saveValueStream', { valueStream: aValueStreamInput({ ownerAccountId: admin }), expectedVersion: null });
  expect(
    await wb.invoke(admin, 'saveProcess', {
      process: aProcessInput({ key: 'INC', apoAccountId: apo, asmAccountId: asm }),
      expectedVersion: null,
    }),
  ).toMatchObject({ ok: true });
}

/** An improvement story of INC in ITSM, created by the member through the use case. */
export async function anImprovementStoryIn(wb: TestWorkbench, overrides: Parameters<typeof anImprovementStoryInput>[0] = {}) {
  const story = improvementStoryInputSchema.parse(anImprovementStoryInput(overrides));
  const result = await asUser(wb, wb.users.member, (actor) => createImprovementStory({ ...story, project: { key: 'ITSM' } }, actor));
  if (result.outcome !== 'created') throw new Error(`Story not created: ${result.message}`);
  return result.issue;
}

/** A fresh workbench with INC for each test, checked for contract violations and closed after it; call the getter in tests. */
export function incidentWorkbenchPerTest(): () => TestWorkbench {
  let wb: TestWorkbench | undefined;
  beforeEach(async () => {
    wb = await createTestWorkbench();
    await seedIncidentProcess(wb);
  });
  afterEach(() => {
    wb?.expectNoContractViolations();
    wb?.close();
  });
  return () => {
    if (!wb) throw new Error('incidentWorkbenchPerTest: the workbench exists inside tests only.');
    return wb;
  };
}
