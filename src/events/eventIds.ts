import { z } from 'zod';

/**
 * Ids in product events, as Jira sends them (a number, or its digits as a string). Anything else
 * ("../1", "") is not an id: the event is ignored, and such a value never reaches a REST path or a storage key.
 */
const digits = z.string().regex(/^\d{1,18}$/);

/** A sprint or board id, as a number. */
export const eventNumberIdSchema = z.union([z.number().int().nonnegative(), digits.transform(Number)]);

/** An issue id, as the digits Jira's REST paths and the app's storage keys use. */
export const eventIssueIdSchema = z.union([z.number().int().nonnegative().transform(String), digits]);
