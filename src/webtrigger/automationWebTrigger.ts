import { z } from 'zod';
import { processKeySchema } from '../domain/catalog/catalogSchemas';
import { ISSUE_KEY_PATTERN } from '../domain/catalog/issueKey';
import { DomainError, type FailureKind } from '../domain/errors';
import { appActorOf } from '../resolvers/invocationContext';
import type { Actor } from '../useCases/actor';
import { claimWebTriggerSignature, currentWebTriggerSecret } from '../useCases/automation/webTriggerSecret';
import { latestProcessHealth } from '../useCases/automation/latestProcessHealth';
import { linkIssueToProcess } from '../useCases/issueLink/linkIssueToProcess';
import { checkSignature, MAX_CLOCK_SKEW_SECONDS, SIGNATURE_HEADER, TIMESTAMP_HEADER } from './signature';

/**
 * The web trigger behind automation's "Send web request": link an issue to a process, or read a
 * process's latest sprint health. Forge gives web triggers no authentication; every request must
 * carry an HMAC signature made with the installation's secret (see `signature.ts`). Anything
 * unauthenticated gets the same bare 401, whatever the reason, and nothing is read or written.
 * It runs as the app (there is no user): the secret is the authority, so only admins see it.
 */
export const MAX_BODY_BYTES = 8 * 1024;

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
/** HTTP status and `error` of each domain failure (the names callers of earlier versions already parse). */
const HTTP_OF: Record<FailureKind, [number, string]> = {
  invalid: [400, 'invalid_input'],
  'not-found': [404, 'not-found'],
  forbidden: [403, 'forbidden'],
  conflict: [409, 'conflict'],
  'rate-limited': [429, 'rate_limited'],
  upstream: [502, 'jira_error'],
  unreadable: [500, 'internal'],
};
const UNAUTHORIZED = () => respond(401, { error: 'unauthorized' });

const requestSchema = z.discriminatedUnion('action', [
  z
    .object({
      action: z.literal('link-issue'),
      issueKey: z.string().trim().toUpperCase().regex(ISSUE_KEY_PATTERN, 'issueKey looks like ITSM-42.'),
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
  const secret = await currentWebTriggerSecret();
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
  if (!(await claimWebTriggerSignature(check.signatureHex, 2 * MAX_CLOCK_SKEW_SECONDS + 60))) return UNAUTHORIZED();
  return null;
}

async function linkIssue(
  input: Extract<z.infer<typeof requestSchema>, { action: 'link-issue' }>,
  actor: Actor,
): Promise<WebTriggerResponse> {
  const linked = await linkIssueToProcess(
    { issue: { key: input.issueKey }, processKey: input.processKey, stageId: input.stageId ?? null, source: 'automation' },
    actor,
  );
  return respond(200, {
    issueKey: linked.issueKey,
    processKey: linked.link.processKey,
    stageName: linked.link.stageName,
    changed: linked.changed,
  });
}

async function processHealth(input: Extract<z.infer<typeof requestSchema>, { action: 'process-health' }>): Promise<WebTriggerResponse> {
  return respond(200, await latestProcessHealth(input));
}

export async function automationWebTrigger(request: WebTriggerRequest, context?: unknown): Promise<WebTriggerResponse> {
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
    return parsed.data.action === 'link-issue' ? await linkIssue(parsed.data, appActorOf(context)) : await processHealth(parsed.data);
  } catch (error) {
    if (error instanceof DomainError) {
      const [status, code] = HTTP_OF[error.kind];
      return respond(status, { error: code, message: error.message, ...(error.details.retryAt ? { retryAt: error.details.retryAt } : {}) });
    }
    console.error('Automation web trigger failed', error);
    return respond(500, { error: 'internal' });
  }
}
