import Heading from '@atlaskit/heading';
import { Box } from '@atlaskit/primitives/compiled/box';
import { Stack } from '@atlaskit/primitives/compiled/stack';
import { Text } from '@atlaskit/primitives/compiled/text';
import Tabs, { Tab, TabList, TabPanel } from '@atlaskit/tabs';
import { ErrorState } from '../../common/ErrorState';
import { LoadingState } from '../../common/LoadingState';
import { useForgeContext } from '../../common/useForgeContext';
import { projectTabs } from './tabs';
import { useProjectName } from './useProjectName';

type ProjectRef = { id?: string; key?: string };

/** The project page: where the APO reviews process health per sprint. Each tab is its own component. */
export function ProjectPage() {
  const contextState = useForgeContext();
  const project: ProjectRef | undefined =
    contextState.status === 'ready' ? (contextState.context.extension.project as ProjectRef | undefined) : undefined;
  const projectName = useProjectName(project?.key);

  if (contextState.status === 'loading')
    return (
      <Box padding="space.300">
        <LoadingState label="Loading Process Loop…" />
      </Box>
    );
  if (contextState.status === 'failed') {
    return (
      <Box padding="space.300">
        <ErrorState error={{ code: 'INTERNAL', message: contextState.message }} />
      </Box>
    );
  }

  return (
    <Box padding="space.300">
      <Stack space="space.300">
        <Stack space="space.050">
          <Heading size="large" as="h1">
            Process Loop
          </Heading>
          <Text color="color.text.subtle" testId="project-label">
            {projectName && project?.key ? `${projectName} (${project.key})` : (project?.key ?? 'This project')}
          </Text>
        </Stack>
        <Tabs id="process-loop-tabs">
          <TabList>
            {projectTabs.map((tab) => (
              <Tab key={tab.id} testId={`tab-${tab.id}`}>
                {tab.label}
              </Tab>
            ))}
          </TabList>
          {projectTabs.map(({ id, Panel }) => (
            <TabPanel key={id} testId={`panel-${id}`}>
              <Box paddingBlockStart="space.300">
                <Panel />
              </Box>
            </TabPanel>
          ))}
        </Tabs>
      </Stack>
    </Box>
  );
}
