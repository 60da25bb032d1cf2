import { getProcessTemplates } from '../useCases/catalog/getProcessTemplates';
import type { ResolverHandler } from './defineResolvers';
import { actorOf } from './invocationContext';

/** Handlers of `templateContract`: the process template library. */
export const templateHandlers = {
  getProcessTemplates: ((_payload, context) => getProcessTemplates(actorOf(context))) satisfies ResolverHandler<'getProcessTemplates'>,
};
