import { Queue } from '@forge/events';
import type { HealthQueue } from '../useCases/sprintHealth/runHealthJob';

/** The `sprint-health` Forge queue (manifest: consumer `sprint-health-jobs`), behind the use cases' port. */
export const SPRINT_HEALTH_QUEUE = 'sprint-health';

export const healthQueue: HealthQueue = {
  async push(body, delayInSeconds) {
    await new Queue({ key: SPRINT_HEALTH_QUEUE }).push(delayInSeconds === undefined ? { body } : { body, delayInSeconds });
  },
};
