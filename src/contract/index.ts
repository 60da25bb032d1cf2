export * from './errors';
export * from './resolvers';
