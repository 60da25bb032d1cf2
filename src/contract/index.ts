export * from './errors';
export * from './catalogContract';
export * from './resolvers';
