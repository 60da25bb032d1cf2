import Textfield from '@atlaskit/textfield';
import { FormField } from './FormField';

/** A one-line text input in a FormField, described by the field's help or error message. */
export function TextInputField(props: {
  id: string;
  label: string;
  value: string;
  error?: string;
  help?: string;
  inputTestId?: string;
  isReadOnly?: boolean;
  isRequired?: boolean;
  onChange: (value: string) => void;
}) {
  return (
    <FormField id={props.id} label={props.label} error={props.error} help={props.help}>
      <Textfield
        id={props.id}
        testId={props.inputTestId}
        value={props.value}
        isReadOnly={props.isReadOnly}
        isRequired={props.isRequired}
        isInvalid={!!props.error}
        aria-describedby={`${props.id}-message`}
        onChange={(event) => props.onChange(event.currentTarget.value)}
      />
    </FormField>
  );
}
