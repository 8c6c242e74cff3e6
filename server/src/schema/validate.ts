// Checks for values entering through mutations. Each throws BAD_USER_INPUT naming the field, so a
// client can show the message next to the right input.
import { InvalidUrlError, parseHttpUrl } from '../sources/url.ts';
import { BadUserInputError } from './errors.ts';

export const MAX_SHORT_TEXT = 500;
export const MAX_LONG_TEXT = 20_000;

// Tags such as <b> or <script ...>: text fields hold plain text, and markup in them is almost
// always a paste from a web page that should be cleaned first.
const MARKUP = /<\/?[a-z][a-z0-9-]*(\s[^<>]*)?\/?>|<!--|javascript:/i;
// C0 control characters other than tab and newline have no place in curated text.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching them is the point.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

export interface TextRules {
  max?: number;
  /** Allow line breaks (summaries, quotes). */
  multiline?: boolean;
}

/** A required plain-text value: trimmed, NFC, non-empty, bounded, no markup or control characters. */
export function plainText(value: string, field: string, rules: TextRules = {}): string {
  const max = rules.max ?? MAX_SHORT_TEXT;
  const text = value.normalize('NFC').trim();
  if (text.length === 0) throw new BadUserInputError(`${field} must not be empty`, field);
  if (text.length > max)
    throw new BadUserInputError(`${field} is too long: at most ${max} characters`, field);
  if (CONTROL.test(text))
    throw new BadUserInputError(`${field} contains control characters`, field);
  if (!rules.multiline && /[\r\n]/.test(text)) {
    throw new BadUserInputError(`${field} must be a single line`, field);
  }
  if (MARKUP.test(text)) {
    throw new BadUserInputError(`${field} must be plain text, without HTML tags or scripts`, field);
  }
  return text;
}

/** An optional plain-text value: null or an empty string clears it. */
export function optionalPlainText(
  value: string | null | undefined,
  field: string,
  rules: TextRules = {},
): string | null | undefined {
  if (value === undefined) return undefined;
  if (value === null || value.trim() === '') return null;
  return plainText(value, field, rules);
}

/** An optional http(s) URL, as given (trimmed). */
export function optionalHttpUrl(
  value: string | null | undefined,
  field: string,
): string | null | undefined {
  if (value === undefined) return undefined;
  if (value === null || value.trim() === '') return null;
  try {
    return parseHttpUrl(value.trim()).toString();
  } catch (error) {
    if (error instanceof InvalidUrlError)
      throw new BadUserInputError(`${field}: ${error.message}`, field);
    throw error;
  }
}

export function matching(value: string, pattern: RegExp, field: string, expected: string): string {
  const trimmed = value.trim();
  if (!pattern.test(trimmed)) throw new BadUserInputError(`${field} must be ${expected}`, field);
  return trimmed;
}

export function expectedVersion(value: number): number {
  if (!Number.isInteger(value) || value < 1) {
    throw new BadUserInputError(
      'expectedVersion must be the version you last read (1 or more)',
      'expectedVersion',
    );
  }
  return value;
}
