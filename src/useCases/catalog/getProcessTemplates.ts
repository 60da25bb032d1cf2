import { processTemplates, valueStreamTemplates } from '../../domain/catalog/templates/processTemplateLibrary';
import { describeTemplatesFor } from '../../domain/catalog/templates/processTemplates';
import type { ResolverHandler } from '../../resolvers/defineResolvers';
import { listProcesses, listValueStreams } from '../../storage/catalogStore';
import { loadCatalogViewer } from './catalogViewer';

/** The template library against the catalog as it is now, for this viewer (one Jira request: admin or not). */
export const getProcessTemplates: ResolverHandler<'getProcessTemplates'> = async (_payload, context) => {
  const [processes, valueStreams, viewer] = await Promise.all([listProcesses(), listValueStreams(), loadCatalogViewer(context)]);
  return describeTemplatesFor(viewer, { processes, valueStreams }, { valueStreams: valueStreamTemplates, processes: processTemplates });
};
