import { lazy, Suspense } from 'react';
import Button from '@atlaskit/button/new';
import { LoadingState } from '../../../common/LoadingState';
import type { ProcessTemplatesScreenProps } from './ProcessTemplatesScreen';

// The templates screen is opened rarely (mostly once, on an empty catalog): it loads on demand.
const ProcessTemplatesScreen = lazy(() => import('./ProcessTemplatesScreen'));

export function LazyProcessTemplatesScreen(props: ProcessTemplatesScreenProps) {
  return (
    <Suspense fallback={<LoadingState label="Loading the templates…" />}>
      <ProcessTemplatesScreen {...props} />
    </Suspense>
  );
}

/** "Start from templates" on an empty catalog (the primary action), "Add from templates" beside a full one. */
export function TemplatesButton(props: { emptyCatalog: boolean; canCreate: boolean; onOpen: () => void }) {
  const label = !props.canCreate ? 'Browse templates' : props.emptyCatalog ? 'Start from templates' : 'Add from templates';
  return (
    <Button appearance={props.emptyCatalog && props.canCreate ? 'primary' : 'default'} onClick={props.onOpen} testId="open-templates">
      {label}
    </Button>
  );
}
