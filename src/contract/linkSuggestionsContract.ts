import { z } from 'zod';
import { PROCESS_KEY_PATTERN } from '../domain/catalog/catalogSchemas';
import { LINK_SUGGESTION_ISSUE_LIMIT, signalKindSchema, suggestionSignalSchema } from '../domain/linkSuggestions/linkSuggestions';

/**
 * Link suggestions for unlinked work (project page → Processes). The project comes from the
 * invocation context; accepting recomputes the suggestion on the server, so the issue ids a client
 * sends can only narrow what is written, never widen it.
 */

export { LINK_SUGGESTION_ISSUE_LIMIT };

const linkSuggestionSchema = z.object({
  id: z.string(),
  signal: z.object({ kind: signalKindSchema, value: z.string() }),
  processKey: z.string(),
  processName: z.string(),
  basis: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('parent') }),
    z.object({ kind: z.literal('rule'), ruleId: z.string() }),
    z.object({ kind: z.literal('evidence'), linkedWithSignal: z.number().int(), matching: z.number().int(), share: z.number() }),
  ]),
  confidence: z.number().min(0).max(1),
  issueCount: z.number().int().nonnegative(),
  examples: z.array(z.object({ id: z.string(), key: z.string(), summary: z.string() })),
  issueIds: z.array(z.string()),
});

const skipReasonSchema = z.enum(['no-permission', 'already-linked', 'not-found', 'no-longer-matches']);

export const linkSuggestionsContract = {
  /** The project's unlinked issues grouped into suggestions, read as the viewer. */
  getLinkSuggestions: {
    payload: z.object({}).strict(),
    result: z.object({
      projectKey: z.string(),
      /** The viewer holds Edit issues in the project (issue security may still keep single issues from them). */
      canEdit: z.boolean(),
      suggestions: z.array(linkSuggestionSchema),
      unlinkedCount: z.number().int().nonnegative(),
      linkedCount: z.number().int().nonnegative(),
      /** At most this many unlinked and this many linked issues are read; `truncated` says when there were more. */
      limit: z.number().int(),
      truncated: z.object({ unlinked: z.boolean(), linked: z.boolean() }),
    }),
  },
  /** Links the suggestion's issues (those the viewer saw and may edit) to its process, as the viewer. */
  acceptLinkSuggestion: {
    payload: z
      .object({
        signal: suggestionSignalSchema,
        processKey: z.string().regex(PROCESS_KEY_PATTERN, 'Pick a process from the suggestions.'),
        issueIds: z
          .array(z.string().regex(/^\d{1,18}$/, 'Issue ids are numbers.'))
          .min(1, 'Pick at least one issue.')
          .max(LINK_SUGGESTION_ISSUE_LIMIT, `At most ${LINK_SUGGESTION_ISSUE_LIMIT} issues at once.`),
      })
      .strict(),
    result: z.object({
      linked: z.number().int().nonnegative(),
      skipped: z.array(z.object({ reason: skipReasonSchema, count: z.number().int().positive(), examples: z.array(z.string()) })),
      /** False when Jira was still writing when we stopped waiting: the links appear shortly. */
      complete: z.boolean(),
    }),
  },
} as const;

export type LinkSuggestionView = z.infer<typeof linkSuggestionSchema>;
export type LinkSuggestionSkipReason = z.infer<typeof skipReasonSchema>;
