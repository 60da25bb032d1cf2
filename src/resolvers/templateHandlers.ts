import { getProcessTemplates } from '../useCases/catalog/getProcessTemplates';

/** Handlers of `templateContract`: the process template library. */
export const templateHandlers = {
  getProcessTemplates,
};
