import { kvs } from '@forge/kvs';
import { z } from 'zod';
import { checkedRecord } from './recordCheck';

/** `sprint-health:choice:<accountId>`: the board and sprint a user last viewed, to open the page on them. */

export interface BoardChoice {
  boardId: number;
  sprintId: number;
}

const boardChoiceSchema: z.ZodType<BoardChoice> = z.object({ boardId: z.number().int().positive(), sprintId: z.number().int().positive() });
const choiceKey = (accountId: string) => `sprint-health:choice:${accountId}`;

export async function readChoice(accountId: string): Promise<BoardChoice | null> {
  return checkedRecord(boardChoiceSchema, choiceKey(accountId), await kvs.get(choiceKey(accountId)));
}

export const writeChoice = (accountId: string, choice: BoardChoice) => kvs.set(choiceKey(accountId), choice);
