// Turns the API's errors into react-admin's HttpError: a status react-admin understands (401
// signs out, 404 "not found"…), the API's code and extensions in `body`, and for validation
// errors `body.errors` keyed by form field, which react-admin shows under that field.
import { HttpError } from 'react-admin';
import { GraphQLRequestError } from './client.ts';

const STATUS_BY_CODE: Record<string, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  BAD_USER_INPUT: 400,
  QUOTE_NOT_FOUND: 400,
  GRAPHQL_VALIDATION_FAILED: 400,
  SERVICE_UNAVAILABLE: 503,
};

/** Renames API input fields to form fields, segment by segment (`speaker` → `speakerId`). */
export type FieldMap = Readonly<Record<string, string>>;

export interface ApiErrorBody {
  code: string | undefined;
  /** On CONFLICT: the record's version now. */
  currentVersion?: number;
  /** On validation errors: form field → message, plus root.serverError for the notification. */
  errors?: Record<string, string | { serverError: string }>;
}

/**
 * The form field an API error names: "input.participants.0.actor" → "participants.0.actorId"
 * with `{ actor: 'actorId' }`. Null when the error names no input field.
 */
export function formFieldOf(apiField: string, fieldMap: FieldMap = {}): string | null {
  const segments = apiField.split('.');
  if (segments[0] !== 'input' || segments.length < 2) return null;
  // A segment mapped to '' is dropped: the form has no such level (input.passage.exact → exact).
  return segments
    .slice(1)
    .map((segment) => fieldMap[segment] ?? segment)
    .filter((segment) => segment !== '')
    .join('.');
}

export function toHttpError(error: unknown, fieldMap: FieldMap = {}): unknown {
  if (!(error instanceof GraphQLRequestError)) return error;
  const code = error.code;
  const status = (code && STATUS_BY_CODE[code]) || (error.status >= 400 ? error.status : 500);
  const body: ApiErrorBody = { code };
  const first = error.errors[0]?.extensions;
  if (code === 'CONFLICT' && typeof first?.currentVersion === 'number') {
    body.currentVersion = first.currentVersion;
  }
  if (code === 'BAD_USER_INPUT' || code === 'QUOTE_NOT_FOUND') {
    const errors: NonNullable<ApiErrorBody['errors']> = {};
    for (const item of error.errors) {
      const field =
        typeof item.extensions?.field === 'string'
          ? formFieldOf(item.extensions.field, fieldMap)
          : null;
      if (field && !(field in errors)) errors[field] = item.message;
    }
    // The notification shows this; the field (when the form has one) shows its own message.
    errors.root = { serverError: error.message };
    body.errors = errors;
  }
  return new HttpError(error.message, status, body);
}

/** True for the API's CONFLICT error, after toHttpError. */
export function isConflict(error: unknown): error is HttpError & { body: ApiErrorBody } {
  return (
    error instanceof HttpError && (error.body as ApiErrorBody | undefined)?.code === 'CONFLICT'
  );
}
