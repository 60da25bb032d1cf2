import EmptyState from '@atlaskit/empty-state';

/** The honest placeholder for a tab whose content is not built yet. */
export function ArrivesLater({ header, description }: { header: string; description: string }) {
  return <EmptyState header={header} headingLevel={2} description={description} />;
}
