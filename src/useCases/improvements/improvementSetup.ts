import type { ImprovementSetup } from '../../contract/improvementContract';
import { IMPROVEMENT_ISSUE_TYPE_NAME } from '../../domain/improvements/improvementProperty';
import { fallbackStoryType, TEAM_MANAGED_STEPS, type SiteIssueType } from '../../domain/improvements/issueTypeSetup';
import { cannotSeeProject, DomainError } from '../../domain/errors';
import { addIssueTypeToScheme, fetchProjectInfo, fetchProjectIssueTypes, fetchProjectIssueTypeSchemeId } from '../../jira/issueTypes';
import { fetchMyPermissions } from '../../jira/permissions';
import { listProcesses } from '../../storage/catalogStore';
import { readImprovementTypeRecord } from '../../storage/improvementSetupStore';
import { ensureImprovementIssueType } from './ensureImprovementIssueType';
import type { Actor, JiraRef } from '../actor';
import { accountOf, toImprovementProcess } from './improvementContext';

const isImprovementName = (type: SiteIssueType) => type.name.trim().toLowerCase() === IMPROVEMENT_ISSUE_TYPE_NAME.toLowerCase();

/**
 * The issue type new improvement stories get in a project: the site's improvement type when the
 * project has it (or, team-managed, a project type of that name an admin added by hand), else
 * Story or another standard type, marked as an improvement by the property alone.
 */
export function chooseStoryType(projectTypes: readonly SiteIssueType[], siteTypeId: string | null) {
  const improvement = projectTypes.find((type) => (siteTypeId !== null && type.id === siteTypeId) || isImprovementName(type));
  if (improvement) return { mode: 'issue-type' as const, type: improvement };
  const fallback = fallbackStoryType(projectTypes);
  return { mode: 'property' as const, type: fallback };
}

/** Jira requests: project, its issue types and the viewer's permissions, in parallel (all as the viewer). */
async function loadImprovementSetup(
  { project: projectRef }: { project: JiraRef },
  actor: Actor,
): Promise<ImprovementSetup & { isJiraAdmin: boolean }> {
  accountOf(actor);
  const [project, projectTypes, permissions, record, processes] = await Promise.all([
    fetchProjectInfo('user', projectRef.id),
    fetchProjectIssueTypes('user', projectRef.id),
    fetchMyPermissions(['ADMINISTER', 'CREATE_ISSUES'], { projectKey: projectRef.key }),
    readImprovementTypeRecord(),
    listProcesses(),
  ]);
  if (!project) throw cannotSeeProject();
  const siteTypeId = record?.typeId ?? null;
  const choice = chooseStoryType(projectTypes, siteTypeId);
  const enabled = choice.mode === 'issue-type';
  const teamManaged = project.style === 'team-managed';
  const problem = record?.problem ?? null;
  let enableReason: string | null = null;
  if (enabled) enableReason = 'Process Improvement is already enabled for this project.';
  else if (teamManaged)
    enableReason =
      'This is a team-managed project: Jira lets only its administrators add issue types, in the project settings. Until then, stories created from Process Loop are marked as improvements.';
  else if (!permissions.ADMINISTER)
    enableReason =
      "Only Jira administrators can add an issue type to a project's issue type scheme. Ask one to enable Process Improvement here; until then, stories created from Process Loop are marked as improvements.";
  else if (problem) enableReason = problem;
  return {
    project,
    issueType: siteTypeId ? { id: siteTypeId, name: IMPROVEMENT_ISSUE_TYPE_NAME } : null,
    issueTypeProblem: problem,
    mode: choice.mode,
    storyIssueType: choice.type ? { id: choice.type.id, name: choice.type.name } : null,
    enabledInProject: enabled,
    canEnable: enableReason === null,
    enableReason,
    teamManagedSteps: teamManaged ? [...TEAM_MANAGED_STEPS] : null,
    canCreate: permissions.CREATE_ISSUES,
    processes: processes
      .filter((process) => process.status !== 'retired')
      .sort((a, b) => a.key.localeCompare(b.key))
      .map(toImprovementProcess),
    isJiraAdmin: permissions.ADMINISTER,
  };
}

function withoutAdminFlag(loaded: Awaited<ReturnType<typeof loadImprovementSetup>>): ImprovementSetup {
  const setup: ImprovementSetup & { isJiraAdmin?: boolean } = { ...loaded };
  delete setup.isJiraAdmin;
  return setup;
}

export async function getImprovementSetup(input: { project: JiraRef }, actor: Actor): Promise<ImprovementSetup> {
  return withoutAdminFlag(await loadImprovementSetup(input, actor));
}

/**
 * Company-managed: adds the improvement type to the project's issue type scheme (as the app, after
 * Jira confirmed the viewer is a Jira administrator). Team-managed: changes nothing and explains.
 */
export async function enableImprovementsForProject(
  input: { project: JiraRef },
  actor: Actor,
): Promise<{ outcome: 'enabled' | 'already-enabled' | 'instructions'; setup: ImprovementSetup }> {
  const setup = await loadImprovementSetup(input, actor);
  if (!setup.isJiraAdmin) {
    throw new DomainError('forbidden', "Only Jira administrators can add an issue type to a project's issue type scheme.");
  }
  if (setup.project.style === 'team-managed') return { outcome: 'instructions', setup: withoutAdminFlag(setup) };
  if (setup.enabledInProject) return { outcome: 'already-enabled', setup: withoutAdminFlag(setup) };
  const ensured = await ensureImprovementIssueType();
  if (ensured.outcome === 'collision') throw new DomainError('upstream', ensured.problem);
  const schemeId = await fetchProjectIssueTypeSchemeId(setup.project.id);
  if (!schemeId)
    throw new DomainError('upstream', 'Jira reports no issue type scheme for this project, so the type cannot be added to it.');
  await addIssueTypeToScheme(schemeId, ensured.typeId);
  return { outcome: 'enabled', setup: withoutAdminFlag(await loadImprovementSetup(input, actor)) };
}
