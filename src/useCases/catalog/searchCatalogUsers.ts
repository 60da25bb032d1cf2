import { searchUsers } from '../../jira/users';
import type { ResolverHandler } from '../../resolvers/defineResolvers';

export const searchCatalogUsers: ResolverHandler<'searchUsers'> = async ({ query }) => ({
  users: await searchUsers(query),
});
