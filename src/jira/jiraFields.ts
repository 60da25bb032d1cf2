import { route } from '@forge/api';
import { z } from 'zod';
import { SiteCache } from '../caches/siteCache';
import { callJira, unexpectedJiraAnswer, type JiraCall } from './jiraRequest';

/** The custom field type Jira Software gives its Sprint field. */
export const SPRINT_FIELD_TYPE = 'com.pyxis.greenhopper.jira:gh-sprint';
/** Jira Software's Flagged field is a multi-checkbox custom field named "Flagged". */
export const FLAGGED_FIELD_NAME = 'Flagged';
const CHECKBOX_FIELD_TYPE = 'com.atlassian.jira.plugin.system.customfieldtypes:multicheckboxes';

/** Custom field ids differ per site (`customfield_10020` on one, something else on another). */
export interface SprintFieldIds {
  sprint: string | null;
  flagged: string | null;
}

const fieldSchema = z.object({
  id: z.string(),
  name: z.string().optional(),
  custom: z.boolean().optional(),
  schema: z.object({ custom: z.string().optional() }).optional(),
});
export type JiraFieldBean = z.infer<typeof fieldSchema>;

/** Picks the Sprint field by its type (names are translated) and Flagged by name, preferring the checkbox one. */
export function pickSprintFieldIds(fields: JiraFieldBean[]): SprintFieldIds {
  const sprint = fields.find((field) => field.schema?.custom === SPRINT_FIELD_TYPE);
  const flaggedCandidates = fields.filter((field) => field.name === FLAGGED_FIELD_NAME && field.custom !== false);
  const flagged = flaggedCandidates.find((field) => field.schema?.custom === CHECKBOX_FIELD_TYPE) ?? flaggedCandidates[0];
  return { sprint: sprint?.id ?? null, flagged: flagged?.id ?? null };
}

/**
 * Field ids never change on a site: found once, kept for the life of the process. Only a complete
 * answer is kept: Jira lists just the fields the caller can see, so a missing one may be this
 * user's view, not the site's.
 */
const siteFieldIds = new SiteCache<SprintFieldIds>({ ttlMs: Infinity, maxEntries: 500 });

/** The Sprint and Flagged field ids of the call's site (GET /rest/api/3/field at most once per site). */
export async function discoverSprintFieldIds(call: JiraCall): Promise<SprintFieldIds> {
  const scope = { site: call.site };
  const known = siteFieldIds.get(scope, 'sprint-fields');
  if (known) return known;
  const { status, body } = await callJira<unknown>(call, route`/rest/api/3/field`);
  if (status !== 200) throw unexpectedJiraAnswer('list the issue fields', status, body);
  const parsed = z.array(fieldSchema).safeParse(body);
  if (!parsed.success) throw unexpectedJiraAnswer('list the issue fields', status, undefined);
  const ids = pickSprintFieldIds(parsed.data);
  if (ids.sprint && ids.flagged) siteFieldIds.set(scope, 'sprint-fields', ids);
  return ids;
}

/** For tests: forget every discovered field id. */
export function clearFieldIdCache(): void {
  siteFieldIds.clear();
}
