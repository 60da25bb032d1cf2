import { catalogHandlers } from './resolvers/catalogHandlers';
import { defineResolvers } from './resolvers/defineResolvers';

/** The Custom UI resolver: every function key of the contract, validated (one handler group per area). */
export const resolverHandler = defineResolvers({
  ...catalogHandlers,
});
