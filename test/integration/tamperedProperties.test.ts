import { resolverAnswers } from '../support/resolverAnswers';
import { incidentWorkbenchPerTest } from '../support/improvementSeed';
import { anImprovementProperty, anImprovementStoryInput } from '../builders/improvementBuilders';

/**
 * Issue properties are a mirror for JQL that anyone who may edit the issue can rewrite through Jira's REST
 * API. The app's own record decides who recorded what: a property changed outside Process Loop is shown as
 * such, and its claimed author is never credited.
 */
const workbench = incidentWorkbenchPerTest();
const { ok } = resolverAnswers(workbench);

const OUTCOME_KEY = 'process-loop-improvement';
const LINK_KEY = 'process-loop-link';

/** A REST call to the Jira stand-in as a person, as `curl` with their API token would make it. */
async function restAs(accountId: string, method: string, path: string, body?: unknown) {
  const response = await workbench().jira.handle({
    method,
    pathWithQuery: path,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    caller: { kind: 'user', accountId },
  });
  return { status: response.status, body: response.body ? (JSON.parse(response.body) as Record<string, unknown>) : undefined };
}

/** PUT an issue property as a person: Jira answers 200 (replaced) or 201 (created). */
async function putAs(accountId: string, path: string, value: unknown) {
  expect([200, 201]).toContain((await restAs(accountId, 'PUT', path, value)).status);
}

async function issuePanel(key: string) {
  const { body } = await restAs(workbench().users.admin, 'GET', `/rest/api/3/issue/${key}?fields=project,issuetype`);
  const issue = body as { id: string; key: string; fields: { project: { id: string; key: string }; issuetype: { name: string } } };
  return {
    extension: {
      type: 'jira:issuePanel',
      issue: { id: issue.id, key: issue.key, type: issue.fields.issuetype.name },
      project: { id: issue.fields.project.id, key: issue.fields.project.key, type: 'software' },
    },
  };
}

async function jql(accountId: string, query: string): Promise<string[]> {
  const { body } = await restAs(accountId, 'POST', '/rest/api/3/search/jql', { jql: query, fields: ['summary'] });
  return (body?.issues as Array<{ key: string }>).map((issue) => issue.key);
}

describe('a property changed outside Process Loop', () => {
  it('shows the APO’s real outcome and the tamper mark when a member PUTs an outcome "by" the APO', async () => {
    const { apo, member } = workbench().users;
    const created = await ok(member, 'createImprovementStory', anImprovementStoryInput());
    const context = await issuePanel(created.issue.key);
    await ok(apo, 'recordImprovementOutcome', { outcome: { value: 'refuted', note: 'MTTR did not move' } }, context);

    // The member rewrites the property through Jira's REST API, claiming the APO confirmed it.
    const path = `/rest/api/3/issue/${created.issue.id}/properties/${OUTCOME_KEY}`;
    const stored = (await restAs(member, 'GET', path)).body?.value as Record<string, unknown>;
    const forgedAt = new Date().toISOString();
    const forged = { ...stored, outcome: { value: 'confirmed', note: 'Worked great', by: apo, at: forgedAt } };
    await putAs(member, path, forged);
    // The mirror is what JQL sees, so the forged value is searchable until the app writes again.
    expect(await jql(member, 'asmOutcome = confirmed')).toEqual([created.issue.key]);

    const panel = await ok(member, 'getIssueImprovement', {}, context);
    expect(panel.outcome).toMatchObject({ value: 'refuted', note: 'MTTR did not move', by: apo });
    expect(panel.improvement?.outcome).toMatchObject({ value: 'refuted', by: apo });
    expect(panel.record).toEqual({
      state: 'changed-outside',
      changed: ['outcome'],
      propertySays: { outcome: { value: 'confirmed', note: 'Worked great', by: apo, at: forgedAt }, dodDoneItemIds: [] },
    });

    const backlog = await ok(apo, 'getProcessBacklog', { processKey: 'INC' });
    const story = backlog.groups.flatMap((group) => group.stories).find((candidate) => candidate.issueKey === created.issue.key);
    expect(story).toMatchObject({ outcome: 'refuted', changedOutside: true });

    // The APO's next write restores the mirror from the record.
    const rewritten = await ok(apo, 'recordImprovementOutcome', { outcome: { value: 'refuted', note: 'MTTR did not move' } }, context);
    expect(rewritten.record.state).toBe('verified');
    expect(await jql(member, 'asmOutcome = confirmed')).toEqual([]);
  });

  it('marks DoD ticks forged outside the app and credits nobody with them', async () => {
    const { apo, member } = workbench().users;
    const created = await ok(member, 'createImprovementStory', anImprovementStoryInput());
    const context = await issuePanel(created.issue.key);
    const before = await ok(member, 'getIssueImprovement', {}, context);
    const [first] = before.dod;
    if (!first) throw new Error('INC has no Definition of Done to tick');

    const path = `/rest/api/3/issue/${created.issue.id}/properties/${OUTCOME_KEY}`;
    const stored = (await restAs(member, 'GET', path)).body?.value as { dod: Array<Record<string, unknown>> };
    const dod = stored.dod.map((line) =>
      line.itemId === first.itemId ? { ...line, done: true, doneBy: apo, doneAt: new Date().toISOString() } : line,
    );
    await putAs(member, path, { ...stored, dod });

    const panel = await ok(member, 'getIssueImprovement', {}, context);
    expect(panel.record).toMatchObject({ state: 'changed-outside', changed: ['dod'], propertySays: { dodDoneItemIds: [first.itemId] } });
    expect(panel.dod.find((line) => line.itemId === first.itemId)).toMatchObject({ done: false, doneBy: null });
  });

  it('keeps crediting who really linked the issue when the link property is rewritten', async () => {
    const { apo, member } = workbench().users;
    const created = await ok(member, 'createImprovementStory', anImprovementStoryInput());
    const context = await issuePanel(created.issue.key);
    const path = `/rest/api/3/issue/${created.issue.id}/properties/${LINK_KEY}`;
    const stored = (await restAs(member, 'GET', path)).body?.value as Record<string, unknown>;
    await putAs(member, path, { ...stored, linkedBy: apo });

    const panel = await ok(member, 'getIssueProcessPanel', {}, context);
    expect(panel.link).toMatchObject({ processKey: 'INC', linkedBy: member });
    expect(panel.linkCheck).toMatchObject({ state: 'changed-outside', linkedBy: member, propertySays: { linkedBy: apo } });

    // Unlinked in the app, then put back from outside: still not the app's link, and nobody is credited.
    await ok(member, 'unlinkIssueFromProcess', {}, context);
    await putAs(member, path, { ...stored, linkedBy: apo });
    const reappeared = await ok(member, 'getIssueProcessPanel', {}, context);
    expect(reappeared.link).toBeNull();
    expect(reappeared.linkCheck).toMatchObject({ state: 'changed-outside', linkedBy: null, propertySays: { processKey: 'INC' } });
  });

  it('shows properties written before the app kept records as unverified, without an author', async () => {
    const { apo, member } = workbench().users;
    const issue = (await restAs(member, 'GET', '/rest/api/3/issue/ITSM-3?fields=summary')).body as { id: string };
    const old = anImprovementProperty({ outcome: { value: 'confirmed', note: 'Old review', by: apo, at: new Date().toISOString() } });
    await putAs(member, `/rest/api/3/issue/${issue.id}/properties/${OUTCOME_KEY}`, old);

    const panel = await ok(member, 'getIssueImprovement', {}, await issuePanel('ITSM-3'));
    expect(panel.record.state).toBe('unverified');
    expect(panel.outcome).toEqual({ value: 'confirmed', note: 'Old review', by: null, at: null });

    // The app's first write to the story adopts the old outcome into the record, still credited to nobody.
    const [item] = panel.dod;
    if (!item) throw new Error('INC has no Definition of Done to tick');
    const ticked = await ok(member, 'toggleImprovementDod', { itemId: item.itemId, done: true }, await issuePanel('ITSM-3'));
    expect(ticked.dod.find((line) => line.itemId === item.itemId)).toMatchObject({ done: true, doneBy: member });
    const after = await ok(member, 'getIssueImprovement', {}, await issuePanel('ITSM-3'));
    expect(after.outcome).toEqual({ value: 'confirmed', note: 'Old review', by: null, at: null });
  });
});
