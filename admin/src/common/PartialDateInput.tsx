// A date known to a precision, typed as the API takes it ("2024", "2024-02", "2024-02-26"),
// with what it means shown under the field as you type.

import { TextInput, type TextInputProps, type Validator } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { explainPartialDate, parsePartialDate } from './partial-date.ts';

const validPartialDate: Validator = (value: unknown) => {
  if (value === null || value === undefined || value === '') return undefined;
  const parsed = parsePartialDate(String(value));
  return parsed.ok ? undefined : parsed.problem;
};

export type PartialDateInputProps = Omit<TextInputProps, 'validate'> & {
  validate?: Validator | Validator[];
};

export const PartialDateInput = ({ validate, helperText, ...props }: PartialDateInputProps) => {
  const value: unknown = useWatch({ name: props.source });
  const parsed = typeof value === 'string' && value !== '' ? parsePartialDate(value) : null;
  const meaning = parsed?.ok ? `Means ${explainPartialDate(parsed)}` : null;
  const extra = validate === undefined ? [] : Array.isArray(validate) ? validate : [validate];
  return (
    <TextInput
      placeholder="2024, 2024-02 or 2024-02-26"
      helperText={meaning ?? helperText ?? 'A year, a month or a day: 2024, 2024-02, 2024-02-26'}
      validate={[validPartialDate, ...extra]}
      // Cleared, the date is unknown: the API takes null, never an empty string.
      parse={(text: string) => (text.trim() === '' ? null : text.trim())}
      {...props}
    />
  );
};
