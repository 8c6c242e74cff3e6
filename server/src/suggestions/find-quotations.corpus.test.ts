// How well findQuotations does on the curated seed corpus: how many of its DIRECT_QUOTE
// statements it finds, how many of those it attributes to the curated speaker, and what else it
// suggests. The figures are printed and held as a regression floor.
//
// Matching, precisely: a curated DIRECT_QUOTE statement is *found* when a suggestion from one of
// the sources its citations cite has a text equal to the statement's text ("verbatim"), or
// containing it or contained in it ("overlapping"); each suggestion matches at most one
// statement. It is *attributed correctly* when that suggestion's speakerId is the statement's
// speaker. A suggestion that matches no statement is a *false positive*. A quotation running over
// several paragraphs is suggested one piece per paragraph, and the corpus curates it one statement
// per paragraph, so each paragraph counts once.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type CorpusData, type CorpusStatement, parseCorpus } from '../seed/corpus-format.ts';
import { DEFAULT_DATA_FILE } from '../seed/load-corpus.ts';
import { normalizeText } from '../shared/text.ts';
import { findQuotations, type QuotationActor, type SuggestedQuote } from './find-quotations.ts';

/** The figures reached when this was written: they may rise, never fall. */
const FLOOR = { found: 18, verbatim: 18, attributed: 18, falsePositives: 0 };

interface Scored {
  quotes: number;
  found: number;
  verbatim: number;
  attributed: number;
  misses: string[];
  misattributed: string[];
  falsePositives: string[];
}

function score(data: CorpusData, bodies: Map<string, string>): Scored {
  const actors: QuotationActor[] = data.actors.map((actor) => ({
    id: actor.key,
    name: actor.name,
    aliases: actor.aliases,
    kind: actor.kind,
  }));
  const suggestions = new Map<string, SuggestedQuote[]>();
  for (const [key, body] of bodies) suggestions.set(key, findQuotations(body, actors));

  const used = new Set<SuggestedQuote>();
  const quotes = data.statements.filter((statement) => statement.kind === 'DIRECT_QUOTE');
  const result: Scored = {
    quotes: quotes.length,
    found: 0,
    verbatim: 0,
    attributed: 0,
    misses: [],
    misattributed: [],
    falsePositives: [],
  };
  const candidatesOf = (statement: CorpusStatement) =>
    [...new Set(statement.citations.map((citation) => citation.source))].flatMap(
      (source) => suggestions.get(source) ?? [],
    );
  // Verbatim matches first, so an overlapping one cannot take a suggestion another statement
  // matches exactly.
  const matches = new Map<CorpusStatement, SuggestedQuote>();
  for (const exactly of [true, false]) {
    for (const statement of quotes) {
      if (matches.has(statement)) continue;
      const match = candidatesOf(statement).find(
        (suggestion) =>
          !used.has(suggestion) &&
          (exactly
            ? suggestion.text === statement.text
            : suggestion.text.includes(statement.text) || statement.text.includes(suggestion.text)),
      );
      if (match) {
        matches.set(statement, match);
        used.add(match);
      }
    }
  }
  for (const statement of quotes) {
    const match = matches.get(statement);
    if (!match) {
      result.misses.push(`${statement.key}: “${statement.text}”`);
      continue;
    }
    result.found++;
    if (match.text === statement.text) result.verbatim++;
    if (match.speakerId === statement.speaker) result.attributed++;
    else {
      result.misattributed.push(
        `${statement.key}: curated ${statement.speaker}, suggested ${match.speakerId ?? 'nobody'} (${match.attribution ?? 'no attribution'})`,
      );
    }
  }
  for (const [source, list] of suggestions) {
    for (const suggestion of list) {
      if (!used.has(suggestion)) {
        result.falsePositives.push(
          `${source}: “${suggestion.text}” (${suggestion.speakerName ?? 'no speaker'})`,
        );
      }
    }
  }
  return result;
}

describe('findQuotations on the seed corpus', () => {
  let scored: Scored;

  beforeAll(() => {
    const data = parseCorpus(JSON.parse(readFileSync(DEFAULT_DATA_FILE, 'utf8')));
    const sourcesDir = join(DEFAULT_DATA_FILE, '..', 'sources');
    const bodies = new Map<string, string>();
    for (const source of data.sources) {
      bodies.set(source.key, normalizeText(readFileSync(join(sourcesDir, source.file), 'utf8')));
    }
    scored = score(data, bodies);
    const lines = [
      `findQuotations on the seed corpus: found ${scored.found}/${scored.quotes} DIRECT_QUOTE statements (${scored.verbatim} verbatim), attributed correctly ${scored.attributed}/${scored.found}, false positives ${scored.falsePositives.length}`,
      ...scored.misses.map((miss) => `  missed ${miss}`),
      ...scored.misattributed.map((wrong) => `  misattributed ${wrong}`),
      ...scored.falsePositives.map((extra) => `  not curated ${extra}`),
    ];
    console.log(lines.join('\n'));
  });

  it('finds the curated direct quotations', () => {
    expect(scored.found).toBeGreaterThanOrEqual(FLOOR.found);
    expect(scored.verbatim).toBeGreaterThanOrEqual(FLOOR.verbatim);
  });

  it('attributes them to the curated speakers', () => {
    expect(scored.attributed).toBeGreaterThanOrEqual(FLOOR.attributed);
  });

  it('suggests few quotations the curators left out', () => {
    expect(scored.falsePositives.length).toBeLessThanOrEqual(FLOOR.falsePositives);
  });
});
