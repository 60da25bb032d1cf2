import { kvs } from '@forge/kvs';
import { anImprovementStoryInput } from '../builders/improvementBuilders';
import { incidentWorkbenchPerTest } from '../support/improvementSeed';
import { resolverAnswers } from '../support/resolverAnswers';
import { actorsOf, runAs } from '../support/useCaseInvocation';

/**
 * The app's own records of an issue (who linked it, who ticked its DoD and recorded its outcome) are deleted with
 * the issue: Jira's `avi:jira:deleted:issue` event reaches the app whenever an issue is deleted. Forge delivers
 * events at least once, so a repeated event must be harmless, and an event that names no issue id changes nothing.
 */
const workbench = incidentWorkbenchPerTest();
const { ok } = resolverAnswers(workbench);

const DELETED = 'avi:jira:deleted:issue';

/** What storage holds for the issue: its improvement record, its save version row and its link record. */
function storedOf(issueId: string) {
  const wb = workbench();
  return runAs(wb, actorsOf(wb).app, async () => ({
    improvement: (await kvs.get(`improvement-record:${issueId}`)) ?? null,
    version: (await kvs.entity('save-version').get(`improvement-record:${issueId}#version`)) ?? null,
    link: (await kvs.get(`link-record:${issueId}`)) ?? null,
  }));
}

const nothing = { improvement: null, version: null, link: null };

async function aTickedStory() {
  const { member } = workbench().users;
  const { issue } = await ok(member, 'createImprovementStory', anImprovementStoryInput());
  const context = { extension: { type: 'jira:issuePanel', issue: { id: issue.id, key: issue.key }, project: { key: 'ITSM' } } };
  await ok(member, 'toggleImprovementDod', { itemId: 'd1', done: true }, context);
  const stored = await storedOf(issue.id);
  expect(stored.improvement).not.toBeNull();
  expect(stored.version).not.toBeNull();
  expect(stored.link).not.toBeNull();
  return issue;
}

describe('records of deleted issues', () => {
  it('are deleted when the issue is deleted in Jira, and only that issue’s', async () => {
    const { admin } = workbench().users;
    const [deleted, kept] = [await aTickedStory(), await aTickedStory()];
    const keptBefore = await storedOf(kept.id);

    const deliveries = await workbench().deleteIssue(deleted.key, admin);

    expect(deliveries).toEqual([
      expect.objectContaining({
        triggerKey: 'process-loop-issue-deleted',
        outcome: 'ok',
        result: { outcome: 'forgotten', issueId: deleted.id },
      }),
    ]);
    expect(workbench().jira.issue(deleted.key)).toBeUndefined();
    expect(await storedOf(deleted.id)).toEqual(nothing);
    expect(await storedOf(kept.id)).toEqual(keptBefore);
  });

  it('stay deleted when the event arrives again, and the other records stay', async () => {
    const { admin } = workbench().users;
    const [story, kept] = [await aTickedStory(), await aTickedStory()];
    const keptBefore = await storedOf(kept.id);
    await workbench().deleteIssue(story.key, admin);

    const again = await workbench().deliverEvent(DELETED, { issue: { id: Number(story.id), key: story.key }, atlassianId: admin });

    expect(again).toEqual([expect.objectContaining({ outcome: 'ok', result: { outcome: 'forgotten', issueId: story.id } })]);
    expect(await storedOf(story.id)).toEqual(nothing);
    expect(await storedOf(kept.id)).toEqual(keptBefore);
  });

  it('are kept when the event names no valid issue id', async () => {
    const story = await aTickedStory();
    const before = await storedOf(story.id);

    for (const issue of [{ id: '../' + story.id }, { id: '' }, { id: -1 }, { key: story.key }, null]) {
      const deliveries = await workbench().deliverEvent(DELETED, { issue });
      expect(deliveries).toEqual([expect.objectContaining({ outcome: 'ok', result: { outcome: 'ignored', reason: 'unreadable-event' } })]);
    }
    expect(await workbench().deliverEvent(DELETED, {})).toEqual([
      expect.objectContaining({ result: { outcome: 'ignored', reason: 'unreadable-event' } }),
    ]);
    expect(await storedOf(story.id)).toEqual(before);
  });
});
