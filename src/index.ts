import { catalogHandlers } from './resolvers/catalogHandlers';
import { defineResolvers } from './resolvers/defineResolvers';
import { improvementHandlers } from './resolvers/improvementHandlers';
import { sprintHealthHandlers } from './resolvers/sprintHealthHandlers';

/** The Custom UI resolver: every function key of the contract, validated (one handler group per area). */
export const resolverHandler = defineResolvers({
  ...catalogHandlers,
  ...improvementHandlers,
  ...sprintHealthHandlers,
});
export { onInstalled } from './events/onInstalled';
