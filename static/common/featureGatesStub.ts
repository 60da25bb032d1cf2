/**
 * Stands in for `@atlaskit/feature-gate-js-client` in our bundles (aliased in viteAppConfig.ts).
 * Inside a Forge iframe nobody initialises Atlassian's Statsig client, so the real one always
 * answers "gate off / default value"; this answers the same without shipping ~60 KB gzip of it.
 */
const FeatureGates = {
  initializeCompleted: () => false,
  checkGate: (_gate: string) => false,
  getExperimentValue: <T>(_experiment: string, _parameter: string, defaultValue: T): T => defaultValue,
  getExperiment: (_experiment: string) => undefined,
  hasCheckGateErrorOccurred: () => false,
  hasGetExperimentValueErrorOccurred: () => false,
  getDefaultPerimeter: () => 'commercial',
};

export default FeatureGates;
