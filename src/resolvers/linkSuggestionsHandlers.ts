import { acceptLinkSuggestion, getLinkSuggestions } from '../useCases/linkSuggestions/linkSuggestions';

/** Handlers of `linkSuggestionsContract`. */
export const linkSuggestionsHandlers = {
  getLinkSuggestions,
  acceptLinkSuggestion,
};
