import type { ReactNode } from 'react';
import ModalDialog, { ModalHeader, ModalTitle } from '@atlaskit/modal-dialog';

/** A modal dialog whose title is both its heading and its accessible name; the body and footer are the children. */
export function TitledModal(props: {
  title: string;
  testId: string;
  onClose: () => void;
  width?: 'large' | 'x-large';
  hasCloseButton?: boolean;
  children: ReactNode;
}) {
  return (
    <ModalDialog onClose={props.onClose} width={props.width ?? 'large'} label={props.title} testId={props.testId}>
      <ModalHeader hasCloseButton={props.hasCloseButton}>
        <ModalTitle>{props.title}</ModalTitle>
      </ModalHeader>
      {props.children}
    </ModalDialog>
  );
}
