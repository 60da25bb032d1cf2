import { getHealthSettings, previewHealthSettings, saveHealthSettings } from '../useCases/sprintHealth/healthSettings';
import { getSprintHealthDrillDown } from '../useCases/sprintHealth/sprintHealthDrillDown';
import {
  getSprintHealth,
  getSprintHealthProgress,
  getSprintHealthSetup,
  listBoardSprints,
} from '../useCases/sprintHealth/sprintHealthPages';

/** Handlers of `sprintHealthContract`: picker, health table, drill-downs, settings. */
export const sprintHealthHandlers = {
  getSprintHealthSetup,
  listBoardSprints,
  getSprintHealth,
  getSprintHealthProgress,
  getSprintHealthDrillDown,
  getHealthSettings,
  previewHealthSettings,
  saveHealthSettings,
};
