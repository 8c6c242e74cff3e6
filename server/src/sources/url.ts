// Source URLs: which inputs are acceptable web addresses, and the normalised key under which a
// source is looked up, so that two spellings of the same page find the same source.

/** Longer inputs are refused before parsing: no real article URL needs more. */
export const MAX_URL_LENGTH = 2048;

export type InvalidUrlReason =
  | 'EMPTY'
  | 'TOO_LONG'
  | 'NOT_ABSOLUTE'
  | 'UNSUPPORTED_SCHEME'
  | 'MALFORMED';

/** The input is not an http(s) URL; `message` says what to change. */
export class InvalidUrlError extends Error {
  constructor(
    readonly input: string,
    readonly reason: InvalidUrlReason,
    message: string,
  ) {
    super(message);
    this.name = 'InvalidUrlError';
  }
}

/**
 * Query parameters that only say how a reader arrived (campaign, click and share ids), never which
 * page it is. Matched case-insensitively; every `utm_*` parameter is dropped as well. Short generic
 * names that some sites use for content (`s` for a search, `t` for a time) are deliberately absent.
 */
const TRACKING_PARAMETERS = new Set([
  'fbclid',
  'gclid',
  'gclsrc',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'twclid',
  'ttclid',
  'yclid',
  'li_fat_id',
  'igshid',
  'igsh',
  'mc_cid',
  'mc_eid',
  '_ga',
  '_gl',
  '_hsenc',
  '_hsmi',
  'mkt_tok',
  'ref',
  'ref_src',
  'ref_url',
]);

function isTrackingParameter(key: string): boolean {
  const name = safeDecode(key).toLowerCase();
  return name.startsWith('utm_') || TRACKING_PARAMETERS.has(name);
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    // A malformed escape ("%E1" alone) cannot name a tracking parameter; compare it as written.
    return text;
  }
}

/** Quotes the start of an input for an error message without echoing megabytes back. */
function quote(input: string): string {
  return JSON.stringify(input.length > 80 ? `${input.slice(0, 80)}…` : input);
}

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
/** "example.com/…" or "localhost:3000": a host name (with a dot or a port) and no whitespace. */
const HOST_AT_START = /^(?:[^\s/?#:]+\.[^\s/?#:]+|[^\s/?#:]+:\d+)(?:[/?#:]\S*)?$/;

/**
 * Parses an absolute http(s) URL, or throws an InvalidUrlError whose message a person can act on.
 * Leading and trailing whitespace is ignored.
 */
export function parseHttpUrl(input: string): URL {
  const text = input.trim();
  if (text === '') {
    throw new InvalidUrlError(
      input,
      'EMPTY',
      'A URL is required: paste the full address of the page, for example https://example.com/news/article.',
    );
  }
  if (text.length > MAX_URL_LENGTH) {
    throw new InvalidUrlError(
      input,
      'TOO_LONG',
      `This URL is ${text.length} characters long; the limit is ${MAX_URL_LENGTH}. Use the page's canonical address without tracking or session parameters.`,
    );
  }
  const scheme = SCHEME.exec(text)?.[1]?.toLowerCase();
  // "example.com:8080/news" and "localhost:3000" parse as a scheme followed by a path: they are
  // host names that lack "https://", not URLs with an exotic scheme.
  const hostWithoutScheme =
    scheme === undefined || scheme.includes('.') || /^[^:]+:\d+(?:[/?#]|$)/.test(text);
  if (hostWithoutScheme) {
    if (/^[/\\.?#]/.test(text)) {
      throw new InvalidUrlError(
        input,
        'NOT_ABSOLUTE',
        `${quote(text)} is a relative address: paste the page's full URL, starting with https:// and the host name.`,
      );
    }
    if (HOST_AT_START.test(text)) {
      throw new InvalidUrlError(
        input,
        'NOT_ABSOLUTE',
        `${quote(text)} is not a full web address: add https:// (or http://) in front of it.`,
      );
    }
    throw new InvalidUrlError(
      input,
      'MALFORMED',
      `${quote(text)} is not a web address: a source URL looks like https://example.com/news/article.`,
    );
  }
  if (scheme !== 'http' && scheme !== 'https') {
    throw new InvalidUrlError(
      input,
      'UNSUPPORTED_SCHEME',
      `"${scheme}:" addresses are not accepted: a source URL must start with http:// or https://.`,
    );
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new InvalidUrlError(
      input,
      'MALFORMED',
      `${quote(text)} is not a valid web address: check the host name for typos, spaces or missing parts.`,
    );
  }
  // A public page lives on a domain or an IP address; "https://news" or "https:///x" is a typo.
  if (!url.hostname.includes('.') && !url.hostname.startsWith('[')) {
    throw new InvalidUrlError(
      input,
      'MALFORMED',
      `${quote(text)} has no domain name: it should look like https://example.com/news/article.`,
    );
  }
  return url;
}

/** Whether the input is an absolute http(s) URL that normalizeUrl accepts. */
export function isHttpUrl(input: string): boolean {
  try {
    parseHttpUrl(input);
    return true;
  } catch (error) {
    if (error instanceof InvalidUrlError) return false;
    throw error;
  }
}

const UNRESERVED = /^[A-Za-z0-9\-._~]$/;

/** Decodes escapes of unreserved characters ("%7E" is "~") and upper-cases the hex of the rest. */
function normalizePercentEncoding(part: string): string {
  return part.replace(/%([0-9a-fA-F]{2})/g, (_escape, hex: string) => {
    const char = String.fromCharCode(Number.parseInt(hex, 16));
    return UNRESERVED.test(char) ? char : `%${hex.toUpperCase()}`;
  });
}

function normalizeHost(url: URL): string {
  // URL has already lower-cased the host and turned an IDN into punycode.
  let host = url.hostname.replace(/\.$/, '');
  // "www.com" stays as it is: the prefix is dropped only when a real domain remains.
  if (host.startsWith('www.') && host.slice(4).includes('.')) host = host.slice(4);
  // The scheme does not count, so neither scheme's default port does.
  const port = url.port === '80' || url.port === '443' ? '' : url.port;
  return port === '' ? host : `${host}:${port}`;
}

function normalizeQuery(search: string): string {
  const pairs = search
    .replace(/^\?/, '')
    .split('&')
    .filter((pair) => pair !== '')
    .map((pair) => {
      const equals = pair.indexOf('=');
      const key = equals === -1 ? pair : pair.slice(0, equals);
      return { key: normalizePercentEncoding(key), pair: normalizePercentEncoding(pair) };
    })
    .filter(({ key }) => !isTrackingParameter(key));
  // Sorted by name only: the relative order of repeated names (a=1&a=2) can carry meaning.
  pairs.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return pairs.map(({ pair }) => pair).join('&');
}

/**
 * The look-up key for a source URL: host (lower case, punycode, without "www." or a default port),
 * path (without trailing slashes) and the query without tracking parameters, sorted by name. The
 * scheme, user name and password and the fragment are dropped. The key has no scheme, so it cannot
 * be mistaken for a link: "https://www.Example.com/News/?utm_source=x&b=2&a=1#top" becomes
 * "example.com/News?a=1&b=2". Throws InvalidUrlError for anything that is not an http(s) URL.
 */
export function normalizeUrl(input: string): string {
  const url = parseHttpUrl(input);
  const path = normalizePercentEncoding(url.pathname).replace(/\/+$/, '');
  const query = normalizeQuery(url.search);
  return `${normalizeHost(url)}${path}${query === '' ? '' : `?${query}`}`;
}
