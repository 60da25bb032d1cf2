import { z } from 'zod';
import { fetchIssueLinkFacts, writeProcessLinkAs } from '../jira/issueLinks';
import { processKeySchema } from '../domain/catalog/catalogSchemas';
import { DomainError } from '../domain/errors';
import { listTrendPoints } from '../storage/sprintHealth/trendPoints';
import { readProcess } from '../storage/catalogStore';
import { claimSignature, readWebTriggerSecret } from '../storage/webTriggerSecret';
import { prepareProcessLink } from '../useCases/issueLink/issueProcessPanel';
import { checkSignature, MAX_CLOCK_SKEW_SECONDS, SIGNATURE_HEADER, TIMESTAMP_HEADER } from './signature';
import { toResolverError } from '../contract/errors';

/**
 * The web trigger behind automation's "Send web request": link an issue to a process, or read a
 * process's latest sprint health. Forge gives web triggers no authentication; every request must
 * carry an HMAC signature made with the installation's secret (see `signature.ts`). Anything
 * unauthenticated gets the same bare 401, whatever the reason, and nothing is read or written.
 * It runs as the app (there is no user): the secret is the authority, so only admins see it.
 */
export const MAX_BODY_BYTES = 8 * 1024;
export const WEB_TRIGGER_LINKED_BY = 'process-loop-web-trigger';

interface WebTriggerRequest {
  method?: string;
  headers?: Record<string, string[] | string | undefined>;
  body?: string;
}

interface WebTriggerResponse {
  statusCode: number;
  headers: Record<string, string[]>;
  body: string;
}

const respond = (statusCode: number, body: unknown): WebTriggerResponse => ({
  statusCode,
  headers: { 'Content-Type': ['application/json'], 'Cache-Control': ['no-store'] },
  body: JSON.stringify(body),
});
const UNAUTHORIZED = () => respond(401, { error: 'unauthorized' });

const requestSchema = z.discriminatedUnion('action', [
  z
    .object({
      action: z.literal('link-issue'),
      issueKey: z.string().trim().toUpperCase().regex(/^[A-Z][A-Z0-9_]*-\d+$/, 'issueKey looks like ITSM-42.'),
      processKey: processKeySchema,
      stageId: z.string().trim().min(1).max(64).nullish(),
    })
    .strict(),
  z
    .object({
      action: z.literal('process-health'),
      processKey: processKeySchema,
      boardId: z.number().int().positive(),
    })
    .strict(),
]);

function header(request: WebTriggerRequest, name: string): string | undefined {
  for (const [key, value] of Object.entries(request.headers ?? {})) {
    if (key.toLowerCase() !== name) continue;
    return Array.isArray(value) ? value[0] : value;
  }
  return undefined;
}

/** Authenticates the request; null when it may proceed, else the (uninformative) response. */
async function authenticate(request: WebTriggerRequest, body: string, nowMs: number): Promise<WebTriggerResponse | null> {
  const secret = await readWebTriggerSecret();
  if (!secret) return UNAUTHORIZED();
  const check = checkSignature({
    secret: secret.secret,
    timestampHeader: header(request, TIMESTAMP_HEADER),
    signatureHeader: header(request, SIGNATURE_HEADER),
    body,
    nowSeconds: Math.floor(nowMs / 1000),
  });
  if (!check.ok) return UNAUTHORIZED();
  // Remembered a little longer than a timestamp stays fresh in either direction.
  if (!(await claimSignature(check.signatureHex, 2 * MAX_CLOCK_SKEW_SECONDS + 60))) return UNAUTHORIZED();
  return null;
}

async function linkIssue(input: Extract<z.infer<typeof requestSchema>, { action: 'link-issue' }>): Promise<WebTriggerResponse> {
  const issue = await fetchIssueLinkFacts('app', input.issueKey);
  if (!issue) return respond(404, { error: 'not-found', message: `Issue ${input.issueKey} does not exist.` });
  const link = await prepareProcessLink({ processKey: input.processKey, stageId: input.stageId ?? null, linkedBy: WEB_TRIGGER_LINKED_BY, source: 'automation' });
  const unchanged = issue.link?.processKey === link.processKey && issue.link.stageId === link.stageId;
  if (!unchanged) await writeProcessLinkAs('app', issue.id, link);
  return respond(200, { issueKey: issue.key, processKey: link.processKey, stageName: link.stageName, changed: !unchanged });
}

async function processHealth(input: Extract<z.infer<typeof requestSchema>, { action: 'process-health' }>): Promise<WebTriggerResponse> {
  const process = await readProcess(input.processKey);
  if (!process) return respond(404, { error: 'not-found', message: `There is no process with key ${input.processKey}.` });
  const points = await listTrendPoints(input.boardId);
  const latest = [...points].reverse().find((point) => point.scores[process.key] !== undefined);
  return respond(200, {
    processKey: process.key,
    sprint: latest ? { id: latest.sprintId, name: latest.sprintName, completeDate: latest.completeDate } : null,
    health: latest?.scores[process.key] ?? null,
  });
}

export async function automationWebTrigger(request: WebTriggerRequest): Promise<WebTriggerResponse> {
  try {
    if ((request.method ?? '').toUpperCase() !== 'POST') return UNAUTHORIZED();
    const body = typeof request.body === 'string' ? request.body : '';
    // Checked before anything else so a large body costs nothing; unauthenticated callers learn nothing from the status.
    if (Buffer.byteLength(body, 'utf8') > MAX_BODY_BYTES) return UNAUTHORIZED();
    const denied = await authenticate(request, body, Date.now());
    if (denied) return denied;

    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch {
      return respond(400, { error: 'invalid-body', message: 'The body must be JSON.' });
    }
    const parsed = requestSchema.safeParse(json);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`);
      return respond(400, { error: 'invalid-body', message: problems.join(' ') });
    }
    return parsed.data.action === 'link-issue' ? await linkIssue(parsed.data) : await processHealth(parsed.data);
  } catch (error) {
    if (error instanceof DomainError) {
      const { code } = toResolverError(error);
      const status = { INVALID_INPUT: 400, NOT_FOUND: 404, FORBIDDEN: 403, CONFLICT: 409, RATE_LIMITED: 429, JIRA_ERROR: 502, INTERNAL: 500 }[code];
      return respond(status, { error: code.toLowerCase(), message: error.message, ...(error.details.retryAt ? { retryAt: error.details.retryAt } : {}) });
    }
    console.error('Automation web trigger failed', error);
    return respond(500, { error: 'internal' });
  }
}
