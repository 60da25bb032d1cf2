import { route } from '@forge/api';
import { z } from 'zod';
import { DomainError } from '../domain/errors';
import { callJiraJson, unexpectedJiraAnswer } from './jiraRequest';

/** A minimal Atlassian Document Format document: the description of a created issue. */
export interface AdfDocument {
  type: 'doc';
  version: 1;
  content: unknown[];
}

const createdSchema = z.object({ id: z.string(), key: z.string() });

/**
 * POST /rest/api/3/issue as the viewer: Jira's create permission and field rules decide. Field
 * errors come back as INVALID_INPUT with Jira's own words.
 */
export async function createIssueAsUser(input: {
  projectId: string;
  issueTypeId: string;
  summary: string;
  description: AdfDocument;
}): Promise<{ id: string; key: string }> {
  const { status, body } = await callJiraJson<unknown>('user', route`/rest/api/3/issue`, {
    method: 'POST',
    body: {
      fields: {
        project: { id: input.projectId },
        issuetype: { id: input.issueTypeId },
        summary: input.summary,
        description: input.description,
      },
    },
  });
  if (status === 201) {
    const parsed = createdSchema.safeParse(body);
    if (parsed.success) return parsed.data;
  }
  if (status === 403) throw new DomainError('forbidden', "You don't have permission to create issues in this project.");
  if (status === 400) {
    const errors = (body as { errors?: Record<string, string>; errorMessages?: string[] } | undefined) ?? {};
    const detail = [...(errors.errorMessages ?? []), ...Object.values(errors.errors ?? {})].join(' ');
    throw new DomainError('invalid', `Jira did not accept the new issue${detail ? `: ${detail}` : '.'}`);
  }
  throw unexpectedJiraAnswer('create the issue', status, body);
}
