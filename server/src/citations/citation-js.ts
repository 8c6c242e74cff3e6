// A small typed wrapper around citation-js, which ships no TypeScript types: the CSL-JSON item
// shape Citeline produces and the few citation-js calls it makes.
import { createRequire } from 'node:module';

/** A CSL-JSON name: either structured (family/given) or a literal printed as written. */
export type CslName = { family: string; given?: string; suffix?: string } | { literal: string };

/** A CSL-JSON date with only the parts that are known: [[2024]], [[2024, 2]] or [[2024, 2, 26]]. */
export interface CslDate {
  'date-parts': [[number] | [number, number] | [number, number, number]];
}

/** The CSL item types Citeline maps its source kinds to. */
export type CslType = 'article-newspaper' | 'post' | 'document' | 'interview';

/** The subset of CSL-JSON 1.0.2 that Citeline fills in. */
export interface CslItem {
  id: string;
  type: CslType;
  title: string;
  author?: CslName[];
  'container-title'?: string;
  publisher?: string;
  genre?: string;
  issued?: CslDate;
  accessed?: CslDate;
  URL?: string;
  language?: string;
  note?: string;
}

interface Register {
  add(name: string, value: string): void;
  has(name: string): boolean;
}

interface CitationJsCore {
  plugins: {
    config: { get(plugin: '@csl'): { styles: Register; locales: Register } };
    output: { format(format: string, data: CslItem[], options?: object): unknown };
  };
}

let loaded: CitationJsCore | undefined;

/**
 * Loads citation-js and its CSL and BibTeX plugins once, on first use. They are CommonJS packages;
 * `require` makes sure the plugins register into the very same core instance this module formats
 * with, whatever module loader runs the server or the tests.
 */
function citationJs(): CitationJsCore {
  if (loaded === undefined) {
    const require = createRequire(import.meta.url);
    const core = require('@citation-js/core') as CitationJsCore;
    require('@citation-js/plugin-csl');
    require('@citation-js/plugin-bibtex');
    loaded = core;
  }
  return loaded;
}

/** Registers a CSL style (its XML) under a name, unless a style of that name already exists. */
export function registerCslStyle(name: string, xml: string): void {
  const { styles } = citationJs().plugins.config.get('@csl');
  if (!styles.has(name)) styles.add(name, xml);
}

export function hasCslStyle(name: string): boolean {
  return citationJs().plugins.config.get('@csl').styles.has(name);
}

function asString(output: unknown, format: string): string {
  if (typeof output !== 'string') throw new TypeError(`citation-js returned no text for ${format}`);
  return output;
}

/** A plain-text bibliography entry for each item, in a registered CSL style. */
export function formatBibliography(items: CslItem[], style: string, locale: string): string {
  const output = citationJs().plugins.output.format('bibliography', items, {
    template: style,
    lang: locale,
    format: 'text',
  });
  return asString(output, `the ${style} style`);
}

export function formatBibtex(items: CslItem[]): string {
  return asString(
    citationJs().plugins.output.format('bibtex', items, { format: 'text' }),
    'BibTeX',
  );
}

/** CSL-JSON as citation-js writes it: an array of items, indented. */
export function formatCslJson(items: CslItem[]): string {
  return asString(
    citationJs().plugins.output.format('data', items, { format: 'text' }),
    'CSL-JSON',
  );
}
