import { z } from 'zod';
import { HttpError, json } from '../server/http';
import type { ServerPlatform } from '../server/platformPort';
import type { Route } from '../server/router';
import { runActionAsRule } from './runAction';

const runSchema = z
  .object({
    actionKey: z.string().min(1),
    inputs: z.record(z.string(), z.unknown()).default({}),
    actorAccountId: z.string().min(1),
    issueKey: z.string().min(1).optional(),
  })
  .strict();

/** `POST /workbench/automation/run`: run an automation action as a rule would (see README, workbench API). */
export function automationRoutes(deps: { platform: Pick<ServerPlatform, 'host' | 'jira'> }): Route[] {
  return [
    {
      method: 'POST',
      pattern: '/workbench/automation/run',
      handler: async (req) => {
        const parsed = runSchema.safeParse(await req.json());
        if (!parsed.success) {
          throw new HttpError(
            400,
            `The request is not valid: ${parsed.error.issues.map((issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`).join('; ')}`,
          );
        }
        const { actionKey, inputs, actorAccountId, issueKey } = parsed.data;
        if (!deps.platform.jira.users().some((user) => user.accountId === actorAccountId)) {
          throw new HttpError(400, `actorAccountId: no user ${actorAccountId} in the workbench's Jira.`);
        }
        try {
          return json(
            200,
            await runActionAsRule(deps.platform.host, { actionKey, inputs, actorAccountId, ...(issueKey ? { issueKey } : {}) }),
          );
        } catch (error) {
          throw new HttpError(400, error instanceof Error ? error.message : String(error));
        }
      },
    },
  ];
}
