import { acceptLinkSuggestion, getLinkSuggestions } from '../useCases/linkSuggestions/linkSuggestions';
import type { ResolverHandler } from './defineResolvers';
import { actorOf, projectFromContext } from './invocationContext';

/** Handlers of `linkSuggestionsContract`: the project comes from the context. */
export const linkSuggestionsHandlers = {
  getLinkSuggestions: ((_payload, context) =>
    getLinkSuggestions({ project: projectFromContext(context) }, actorOf(context))) satisfies ResolverHandler<'getLinkSuggestions'>,
  acceptLinkSuggestion: ((payload, context) =>
    acceptLinkSuggestion(
      { ...payload, project: projectFromContext(context) },
      actorOf(context),
    )) satisfies ResolverHandler<'acceptLinkSuggestion'>,
};
