// Source URL normalisation: spellings of one page share a key; anything but http(s) is refused.
import { describe, expect, it } from 'vitest';
import { InvalidUrlError, isHttpUrl, MAX_URL_LENGTH, normalizeUrl } from './url.ts';

describe('normalizeUrl', () => {
  it.each([
    ['scheme does not matter (http)', 'http://example.com/news/1', 'example.com/news/1'],
    ['scheme does not matter (https)', 'https://example.com/news/1', 'example.com/news/1'],
    ['www. does not matter', 'https://www.example.com/news/1', 'example.com/news/1'],
    ['host is lower-cased, path case kept', 'https://WWW.Example.COM/News/A', 'example.com/News/A'],
    ['upper-case scheme', 'HTTPS://example.com/a', 'example.com/a'],
    ['default http port dropped', 'http://example.com:80/a', 'example.com/a'],
    ['default https port dropped', 'https://example.com:443/a', 'example.com/a'],
    [
      'https port on http dropped too (scheme ignored)',
      'http://example.com:443/a',
      'example.com/a',
    ],
    ['other ports kept', 'https://example.com:8443/a', 'example.com:8443/a'],
    ['trailing slash ignored', 'https://example.com/news/1/', 'example.com/news/1'],
    ['root slash ignored', 'https://example.com/', 'example.com'],
    ['several trailing slashes ignored', 'https://example.com/news//', 'example.com/news'],
    ['fragment dropped', 'https://example.com/news/1#comments', 'example.com/news/1'],
    ['empty fragment dropped', 'https://example.com/news/1#', 'example.com/news/1'],
    [
      'utm_* parameters dropped',
      'https://example.com/a?utm_source=fb&utm_medium=social&utm_campaign=x&utm_content=y',
      'example.com/a',
    ],
    [
      'click ids dropped',
      'https://example.com/a?fbclid=IwAR0&gclid=Cj0&msclkid=1&igshid=abc',
      'example.com/a',
    ],
    [
      'mailchimp ids and ref dropped',
      'https://example.com/a?mc_cid=1&mc_eid=2&ref=home',
      'example.com/a',
    ],
    [
      'tracking names match case-insensitively',
      'https://example.com/a?UTM_Source=x&FBCLID=y',
      'example.com/a',
    ],
    ['meaningful parameters kept', 'https://example.com/?p=123&utm_source=x', 'example.com?p=123'],
    [
      'kept parameters sorted by name',
      'https://example.com/story?page=2&id=7&fbclid=z',
      'example.com/story?id=7&page=2',
    ],
    [
      'repeated names keep their order',
      'https://example.com/a?tag=b&id=1&tag=a',
      'example.com/a?id=1&tag=b&tag=a',
    ],
    ['empty query pieces dropped', 'https://example.com/a?&id=1&&', 'example.com/a?id=1'],
    ['parameter without value kept', 'https://example.com/a?print', 'example.com/a?print'],
    [
      'escaped unreserved characters decoded',
      'https://example.com/%7Euser/%41bc',
      'example.com/~user/Abc',
    ],
    [
      'escape hex upper-cased',
      'https://example.com/caf%c3%a9?q=%e2%82%ac',
      'example.com/caf%C3%A9?q=%E2%82%AC',
    ],
    ['raw and escaped non-ASCII paths match', 'https://example.com/café', 'example.com/caf%C3%A9'],
    [
      'Khmer path percent-encoded',
      'https://example.com/ខ្មែរ',
      'example.com/%E1%9E%81%E1%9F%92%E1%9E%98%E1%9F%82%E1%9E%9A',
    ],
    ['IDN host to punycode', 'https://bücher.example/a', 'xn--bcher-kva.example/a'],
    ['dot segments resolved', 'https://example.com/a/./b/../c', 'example.com/a/c'],
    ['user name and password dropped', 'https://user:secret@example.com/a', 'example.com/a'],
    ['trailing dot of the host dropped', 'https://example.com./a', 'example.com/a'],
    ['www. kept when no domain would remain', 'https://www.com/a', 'www.com/a'],
    ['IPv6 host and port kept', 'http://[::1]:8080/a', '[::1]:8080/a'],
    ['surrounding whitespace ignored', '  https://example.com/a \n', 'example.com/a'],
    [
      'a real news URL',
      'https://www.khmertimeskh.com/501234567/us-army-pacific-commander-visits-phnom-penh/?utm_source=facebook&fbclid=IwAR3',
      'khmertimeskh.com/501234567/us-army-pacific-commander-visits-phnom-penh',
    ],
  ])('%s', (_name, input, expected) => {
    expect(normalizeUrl(input)).toBe(expected);
  });

  it('gives every spelling of one page the same key', () => {
    const spellings = [
      'http://example.com/news/1',
      'https://www.example.com/news/1/',
      'HTTPS://WWW.EXAMPLE.COM:443/news/1#top',
      'https://example.com/news/1?utm_source=x&fbclid=y',
    ];
    expect(new Set(spellings.map(normalizeUrl))).toEqual(new Set(['example.com/news/1']));
  });

  it.each([
    ['empty', '', 'EMPTY', /URL is required/],
    ['only whitespace', '   ', 'EMPTY', /URL is required/],
    [
      'javascript:',
      'javascript:alert(1)',
      'UNSUPPORTED_SCHEME',
      /"javascript:" addresses are not accepted/,
    ],
    ['data:', 'data:text/html,<b>hi</b>', 'UNSUPPORTED_SCHEME', /"data:"/],
    ['mailto:', 'mailto:editor@example.com', 'UNSUPPORTED_SCHEME', /http:\/\/ or https:\/\//],
    ['ftp:', 'ftp://example.com/file.txt', 'UNSUPPORTED_SCHEME', /"ftp:"/],
    ['root-relative', '/news/123', 'NOT_ABSOLUTE', /relative address/],
    ['protocol-relative', '//example.com/news', 'NOT_ABSOLUTE', /relative address/],
    ['host without scheme', 'www.example.com/news/1', 'NOT_ABSOLUTE', /add https:\/\//],
    ['host and port without scheme', 'localhost:3000/news', 'NOT_ABSOLUTE', /add https:\/\//],
    ['plain words', 'not a url', 'MALFORMED', /is not a web address/],
    ['path without host', 'news/123', 'MALFORMED', /is not a web address/],
    ['space in the host', 'https://exa mple.com/', 'MALFORMED', /check the host name/],
    ['no host', 'http://', 'MALFORMED', /not a valid web address/],
    ['single-label host', 'https://news/story', 'MALFORMED', /no domain name/],
    ['too long', `https://example.com/${'a'.repeat(MAX_URL_LENGTH)}`, 'TOO_LONG', /limit is 2048/],
  ])('refuses %s with a message a person can act on', (_name, input, reason, message) => {
    let thrown: unknown;
    try {
      normalizeUrl(input);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InvalidUrlError);
    const error = thrown as InvalidUrlError;
    expect(error.reason).toBe(reason);
    expect(error.message).toMatch(message);
    expect(error.input).toBe(input);
  });

  it('does not echo an oversized input back in the message', () => {
    const input = `news ${'x'.repeat(5000)}`;
    expect(() => normalizeUrl(input)).toThrow(InvalidUrlError);
    try {
      normalizeUrl(input);
    } catch (error) {
      expect((error as Error).message.length).toBeLessThan(300);
    }
  });

  it('accepts a URL of exactly the maximum length', () => {
    const prefix = 'https://example.com/';
    const input = prefix + 'a'.repeat(MAX_URL_LENGTH - prefix.length);
    expect(normalizeUrl(input)).toBe(`example.com/${'a'.repeat(MAX_URL_LENGTH - prefix.length)}`);
  });
});

describe('isHttpUrl', () => {
  it.each([
    ['https://example.com/a', true],
    ['http://example.com', true],
    [' https://www.example.com/a?b=1 ', true],
    ['javascript:alert(1)', false],
    ['data:text/plain,hi', false],
    ['/relative/path', false],
    ['example.com', false],
    ['', false],
    ['garbage', false],
  ])('%j → %s', (input, expected) => {
    expect(isHttpUrl(input)).toBe(expected);
  });
});
