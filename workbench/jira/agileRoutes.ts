import type { StandInContext } from './context';
import { issueBean, listParam, selectFields } from './issueViews';
import { JqlError, UnsupportedError, jiraError, reply, type JiraReply } from './jiraErrors';
import type { DatasetSprint } from '../datasets/datasetSchema';
import type { Board } from './jiraState';
import type { RouteRequest, Router } from './router';

/** Agile API page sizes: 50 by default (Jira Software's `maxResults` default for boards, sprints, issues). */
const AGILE_PAGE_DEFAULT = 50;
const AGILE_PAGE_MAX = 50;

/** Jira Software's board, sprint and sprint-issue endpoints (`/rest/agile/1.0`). */
export function addAgileRoutes(router: Router, ctx: StandInContext): void {
  const { state, permissions, beans } = ctx;
  const boardVisible = (req: RouteRequest, board: Board | undefined): board is Board =>
    Boolean(board) && permissions.inProject(req.caller, state.projects.get(board!.projectKey), 'BROWSE_PROJECTS');
  // A board shows the sprints made on it and every sprint holding an issue its filter takes in (its project's, here).
  const sprintsOnBoard = (board: Board) => {
    const ids = new Set<number>();
    for (const issue of state.allIssues()) if (issue.projectKey === board.projectKey) for (const id of issue.sprintIds) ids.add(id);
    return (sprint: DatasetSprint) => sprint.boardId === board.id || ids.has(sprint.id);
  };
  // Jira shows a sprint to whoever sees its board or any of its issues.
  const sprintVisible = (req: RouteRequest, sprint: DatasetSprint) =>
    boardVisible(req, state.boards.get(sprint.boardId)) ||
    state.allIssues().some((issue) => issue.sprintIds.includes(sprint.id) && permissions.canBrowse(req.caller, issue));
  const boardNotFound = (_id: string) => jiraError(404, 'Board does not exist or you do not have permission to see it.');
  const page = (req: RouteRequest) => ({
    startAt: Math.max(0, Number(req.query.get('startAt') ?? 0) || 0),
    maxResults: Math.min(AGILE_PAGE_MAX, Math.max(1, Number(req.query.get('maxResults') ?? AGILE_PAGE_DEFAULT) || AGILE_PAGE_DEFAULT)),
  });
  const boardBean = (board: Board) => {
    const project = state.projects.get(board.projectKey);
    return {
      id: board.id,
      self: beans.url(`/rest/agile/1.0/board/${board.id}`),
      name: board.name,
      type: board.type,
      location: project
        ? {
            projectId: Number(project.id),
            displayName: `${project.name} (${project.key})`,
            projectName: project.name,
            projectKey: project.key,
            projectTypeKey: 'software',
            avatarURI: beans.url(`/secure/projectavatar?size=small&pid=${project.id}`),
            name: `${project.name} (${project.key})`,
          }
        : {},
    };
  };

  router.add('GET', '/rest/agile/1.0/board', (req) => {
    const projectRef = req.query.get('projectKeyOrId');
    const project = projectRef ? state.projectByIdOrKey(projectRef) : undefined;
    if (projectRef && (!project || !permissions.inProject(req.caller, project, 'BROWSE_PROJECTS'))) {
      return jiraError(400, `No project could be found with key or id '${projectRef}'.`);
    }
    const type = req.query.get('type');
    const name = req.query.get('name')?.toLowerCase();
    const boards = [...state.boards.values()]
      .filter((board) => boardVisible(req, board))
      .filter((board) => !project || board.projectKey === project.key)
      .filter((board) => !type || type.split(',').includes(board.type))
      .filter((board) => !name || board.name.toLowerCase().includes(name))
      .sort((a, b) => a.id - b.id);
    const { startAt, maxResults } = page(req);
    const values = boards.slice(startAt, startAt + maxResults);
    return reply(
      200,
      { maxResults, startAt, total: boards.length, isLast: startAt + values.length >= boards.length, values: values.map(boardBean) },
      values.length,
    );
  });

  router.add('GET', '/rest/agile/1.0/board/{boardId}', (req) => {
    const board = state.boards.get(Number(req.params.boardId));
    if (!boardVisible(req, board)) return boardNotFound(req.params.boardId ?? '');
    return reply(200, boardBean(board), 1);
  });

  router.add('GET', '/rest/agile/1.0/board/{boardId}/sprint', (req) => {
    const board = state.boards.get(Number(req.params.boardId));
    if (!boardVisible(req, board)) return boardNotFound(req.params.boardId ?? '');
    if (board.type !== 'scrum') return jiraError(400, 'The board does not support sprints');
    const states = listParam(req.query.getAll('state'));
    const onBoard = sprintsOnBoard(board);
    // Jira lists a board's sprints in their sequence: closed, then active, then future, each oldest first.
    const order = { closed: 0, active: 1, future: 2 } as const;
    const sprints = [...state.sprints.values()]
      .filter((sprint) => onBoard(sprint) && (states.length === 0 || states.includes(sprint.state)))
      .sort((a, b) => order[a.state] - order[b.state] || a.id - b.id);
    const { startAt, maxResults } = page(req);
    const values = sprints.slice(startAt, startAt + maxResults);
    return reply(
      200,
      { maxResults, startAt, isLast: startAt + values.length >= sprints.length, values: values.map((sprint) => beans.sprint(sprint)) },
      values.length,
    );
  });

  router.add('GET', '/rest/agile/1.0/sprint/{sprintId}', (req) => {
    const sprint = state.sprints.get(Number(req.params.sprintId));
    if (!sprint || !sprintVisible(req, sprint)) return jiraError(404, `Sprint does not exist or you do not have permission to see it.`);
    return reply(200, beans.sprint(sprint), 1);
  });

  router.add('GET', '/rest/agile/1.0/board/{boardId}/configuration', (req) => {
    const board = state.boards.get(Number(req.params.boardId));
    if (!boardVisible(req, board)) return boardNotFound(req.params.boardId ?? '');
    const project = state.projects.get(board.projectKey);
    const column = (name: string, category: 'new' | 'indeterminate' | 'done') => ({
      name,
      statuses: [...state.statuses.values()]
        .filter((status) => status.category === category)
        .map((status) => ({ id: status.id, self: beans.url(`/rest/api/3/status/${status.id}`) })),
    });
    return reply(
      200,
      {
        id: board.id,
        name: board.name,
        type: board.type,
        self: beans.url(`/rest/agile/1.0/board/${board.id}/configuration`),
        location: { type: 'project', projectKeyOrId: project?.id ?? board.projectKey },
        filter: { id: String(10000 + board.id), self: beans.url(`/rest/api/3/filter/${10000 + board.id}`) },
        columnConfig: {
          columns: [column('To Do', 'new'), column('In Progress', 'indeterminate'), column('Done', 'done')],
          constraintType: 'none',
        },
        estimation: { type: 'field', field: { fieldId: 'customfield_10016', displayName: 'Story point estimate' } },
        ranking: { rankCustomFieldId: 10019 },
      },
      1,
    );
  });

  router.add('GET', '/rest/agile/1.0/sprint/{sprintId}/issue', (req): JiraReply => {
    const sprint = state.sprints.get(Number(req.params.sprintId));
    if (!sprint || !sprintVisible(req, sprint)) return jiraError(404, `Sprint does not exist or you do not have permission to see it.`);
    let filter: (issue: Parameters<ReturnType<typeof ctx.jql.compile>['matches']>[0]) => boolean = () => true;
    let compare = (a: { id: string }, b: { id: string }) => Number(a.id) - Number(b.id);
    const jql = req.query.get('jql');
    if (jql) {
      try {
        const compiled = ctx.jql.compile(jql, { caller: req.caller, now: ctx.now() });
        filter = compiled.matches;
        compare = compiled.compare as typeof compare;
      } catch (error) {
        if (error instanceof JqlError || error instanceof UnsupportedError) return jiraError(400, error.message);
        throw error;
      }
    }
    const browsable = permissions.browsableProjects(req.caller);
    const issues = state
      .allIssues()
      .filter(
        (issue) =>
          issue.sprintIds.includes(sprint.id) &&
          browsable.has(issue.projectKey) &&
          permissions.passesSecurity(req.caller, issue) &&
          filter(issue),
      )
      .sort(compare);
    const { startAt, maxResults } = page(req);
    const values = issues.slice(startAt, startAt + maxResults);
    const selection = selectFields(listParam(req.query.getAll('fields')), true);
    return reply(
      200,
      {
        expand: 'schema,names',
        startAt,
        maxResults,
        total: issues.length,
        issues: values.map((issue) => issueBean(beans, issue, selection, [])),
      },
      values.length,
    );
  });
}
