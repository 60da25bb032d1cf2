import { z } from 'zod';
import type { ChangeHistory } from '../../domain/sprintHealth';
import { iso } from './storedShapes';

/** A changelog history (the domain's `ChangeHistory`) as active inputs and event changes store it. */
export const storedChangeHistorySchema: z.ZodType<ChangeHistory> = z.object({
  id: z.string().optional(),
  created: iso,
  items: z.array(
    z.object({
      field: z.string(),
      fieldId: z.string().nullish(),
      from: z.string().nullable(),
      fromString: z.string().nullable(),
      to: z.string().nullable(),
      toString: z.string().nullable(),
    }),
  ),
});
