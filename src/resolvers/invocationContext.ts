import { z } from 'zod';
import { DomainError } from '../domain/errors';
import { siteOfRunningInvocation } from '../jira/runningSite';
import type { Actor } from '../useCases/actor';

/**
 * The part of Forge's invocation context the app relies on. It comes from the platform, not the
 * client, and is the only source of who is calling and on which issue or project.
 */
const invocationContextSchema = z.object({
  accountId: z.string().min(1),
  cloudId: z.string().optional(),
  /** `ari:cloud:jira::site/<cloudId>`: the site, when `cloudId` is absent. */
  installContext: z.string().optional(),
  moduleKey: z.string().optional(),
  extension: z
    .object({
      type: z.string().optional(),
      issue: z.object({ id: z.string(), key: z.string() }).partial().optional(),
      project: z.object({ id: z.string(), key: z.string() }).partial().optional(),
    })
    .passthrough()
    .optional(),
});
export type InvocationContext = z.infer<typeof invocationContextSchema>;

export function readInvocationContext(raw: unknown): InvocationContext {
  const parsed = invocationContextSchema.safeParse(raw);
  if (!parsed.success) {
    throw new DomainError('forbidden', 'This action needs a signed-in Jira user.');
  }
  return parsed.data;
}

/** The issue the module is open on; a module without one cannot use issue-scoped resolvers. */
export function issueFromContext(context: InvocationContext): { id: string; key: string } {
  const issue = context.extension?.issue;
  if (!issue?.id || !issue.key) {
    throw new DomainError('invalid', 'This action only works on an issue.');
  }
  return { id: issue.id, key: issue.key };
}

/** The project the module is open on (project page or issue panel): from the context, never the payload. */
export function projectFromContext(context: InvocationContext): { id: string; key: string } {
  const project = context.extension?.project;
  if (!project?.id || !project.key) throw new DomainError('invalid', 'This action only works inside a Jira project.');
  return { id: project.id, key: project.key };
}

/**
 * The Jira site the call is for: the key of every per-site pause and cache. A warm Forge process
 * serves many sites, so nothing remembered in memory may be shared without it.
 */
export function siteKeyOf(context: Pick<InvocationContext, 'cloudId' | 'installContext'>): string {
  const cloudId = context.cloudId ?? context.installContext?.match(/site\/([^/]+)$/)?.[1];
  if (cloudId) return `site:${cloudId}`;
  // Never a constant fallback: every site without one would share its caches.
  return context.installContext ?? siteOfRunningInvocation();
}

/** The signed-in user of a resolver call, as use cases take it. */
export function actorOf(context: InvocationContext): Actor {
  return { kind: 'user', accountId: context.accountId, site: siteKeyOf(context) };
}

const appContextSchema = z.object({ installContext: z.string().optional(), cloudId: z.string().optional() }).passthrough();

/** The app on the site of a product event or web trigger: there is no user behind those. */
export function appActorOf(context: unknown): Actor {
  const parsed = appContextSchema.safeParse(context ?? {});
  return { kind: 'app', site: siteKeyOf(parsed.success ? parsed.data : {}) };
}
