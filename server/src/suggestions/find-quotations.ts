// Suggesting statements: the quotations in a source body and who probably said them, read from
// attribution phrases ("said X", "X added", "according to X", "it said"...) and known actors.
import { CodePointIndex } from '../shared/text.ts';

/** A known actor the attributions are matched against. */
export interface QuotationActor {
  id: string;
  name: string;
  aliases: readonly string[];
  /**
   * Lets "he"/"she" resolve to people and "it" to organisations, and only people's names are
   * recognised by one part ("Manet"). Guessed from the name when absent (see `guessKind`).
   */
  kind?: 'PERSON' | 'ORGANIZATION' | null;
}

export interface SuggestedQuote {
  /** The quoted words, without the quotation marks (and without the comma before a closing mark). */
  text: string;
  /** Code points of `text` in the body, end exclusive. */
  start: number;
  end: number;
  /** The known actor the attribution points to, if any. */
  speakerId: string | null;
  /** That actor's name; or the name the text gives when it matches no known actor. */
  speakerName: string | null;
  /** The phrase that attributes the quotation ("Ryder ... said in a June 4 press statement"). */
  attribution: string | null;
  /** 0..1: how sure the speaker (or, without one, the quotation itself) is. See CONFIDENCE. */
  confidence: number;
}

/**
 * Confidence by how the speaker was found: a known actor named in the attribution; "he", "it",
 * "the post" resolved to one; a name that is no known actor; an attribution verb whose subject
 * could not be resolved; a quotation continuing the previous one; nothing.
 */
export const CONFIDENCE = {
  NAMED: 0.9,
  RESOLVED: 0.75,
  UNKNOWN_NAME: 0.5,
  INHERITED: 0.5,
  UNRESOLVED: 0.4,
  NONE: 0.3,
} as const;

/**
 * Scare quotes and names are not suggested. A quotation of fewer than MIN_WORDS words is kept
 * only when its own sentence attributes it with a speech verb (Austin "wrote on X" that he had a
 * "productive day"; a "constructive" meeting is not a statement). A quotation in title case
 * (2 to 7 words, each capitalised or a digit except "of", "the"..., no closing punctuation) is a
 * name - “Angkor Sentinel”, “Mine-Free Cambodia 2025” - even when its sentence attributes it.
 */
export const MIN_WORDS = 4;

/** How far back "he"/"she" and "it" look for their actor, and "the post"/"the release" for theirs. */
const PERSON_REACH = 3;
const IT_REACH = 2;
const DOCUMENT_REACH = 6;

/**
 * Finds the quotations in straight or curly double quotes: “…”, "…", and a quotation that runs
 * across paragraphs (a paragraph ending inside the quotation and the next one opening with a
 * quotation mark) as one piece per paragraph, each attributed from the quotation's attribution.
 * Single quotes are not read: they double as apostrophes and, in this style, mark scare quotes.
 * The speaker comes from the attribution in the quotation's sentence (after it: ", he said",
 * ", said the release"; else before it: "X said:", "according to X, “…”"), matched against the
 * actors' names and aliases (case-insensitive) and, for people, unambiguous single parts of their
 * names ("Manet"). "he"/"she", "it" and "the post"/"the release" are resolved to the actor the
 * preceding sentences are about (see resolvePerson and resolveDocument).
 */
export function findQuotations(body: string, actors: readonly QuotationActor[]): SuggestedQuote[] {
  const document = new Document(body, actors);
  const index = new CodePointIndex(body);
  const suggestions: SuggestedQuote[] = [];
  let previous: { speaker: Speaker; paragraph: number } | null = null;
  for (const quotation of document.quotations) {
    const words = quotation.pieces.reduce((sum, piece) => sum + countWords(piece.text), 0);
    const text = quotation.pieces.map((piece) => piece.text).join(' ');
    if (words === 0 || isTitleCase(text)) continue;
    const found = document.attribute(quotation);
    if (words < MIN_WORDS && found === null) continue;

    let speaker: Speaker = found ?? {
      actor: null,
      name: null,
      attribution: null,
      confidence: CONFIDENCE.NONE,
    };
    const first = quotation.pieces[0] as Piece;
    if (found === null && previous?.speaker.actor && document.continues(previous, first)) {
      speaker = { ...previous.speaker, confidence: CONFIDENCE.INHERITED };
    }
    let confidence = speaker.confidence;
    if (!quotation.closed) confidence *= 0.7;
    if (words < MIN_WORDS) confidence *= 0.8;
    for (const piece of quotation.pieces) {
      suggestions.push({
        text: piece.text,
        start: index.toCodePoint(piece.start),
        end: index.toCodePoint(piece.end),
        speakerId: speaker.actor?.id ?? null,
        speakerName: speaker.actor?.name ?? speaker.name,
        attribution: speaker.attribution,
        confidence: Math.round(confidence * 100) / 100,
      });
    }
    if (speaker.actor) {
      const last = quotation.pieces[quotation.pieces.length - 1] as Piece;
      previous = { speaker, paragraph: document.paragraphOf(last.start) };
    }
  }
  return suggestions;
}

/** Words a name or title leaves in lower case ("Ministry of Defence"). */
const SMALL_WORDS = new Set(['a', 'an', 'and', 'at', 'de', 'for', 'in', 'of', 'on', 'the', 'to']);

function countWords(text: string): number {
  return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

function isTitleCase(text: string): boolean {
  const words = text.split(/\s+/).filter((word) => word.length > 0);
  // One capitalised word ("Yes") is a reply, not a name; short and unattributed, it is dropped.
  if (words.length < 2 || words.length >= 8 || /[.!?,;:]$/.test(text)) return false;
  return words.every((word) => SMALL_WORDS.has(word) || /^[\p{Lu}\p{N}]/u.test(word));
}

// ---------------------------------------------------------------------------------------------
// Quotations

/** One paragraph's part of a quotation; UTF-16 offsets of its text. */
interface Piece {
  /** The opening quotation mark. */
  open: number;
  start: number;
  end: number;
  text: string;
}

interface Quotation {
  pieces: Piece[];
  /** UTF-16 offset of the closing mark of the last piece; null when the quotation never closes. */
  close: number | null;
  closed: boolean;
}

const CURLY_OPEN = '\u201C';
const CURLY_CLOSE = '\u201D';
const STRAIGHT = '"';

/** A straight quotation mark opens when it starts a word: after a space, an opening bracket... */
function isOpening(text: string, at: number): boolean {
  const char = text[at];
  if (char === CURLY_OPEN) return true;
  if (char !== STRAIGHT) return false;
  const before = at === 0 ? ' ' : (text[at - 1] as string);
  const after = text[at + 1];
  return after !== undefined && !/\s/.test(after) && !/[\p{L}\p{N}.,;!?%)\]}'’]/u.test(before);
}

function isClosing(char: string | undefined): boolean {
  return char === CURLY_CLOSE || char === STRAIGHT;
}

/**
 * A single line break inside a quotation that closes on the next line, before any mark opens
 * there, is a hard-wrapped line, not a paragraph end.
 */
function isHardWrap(text: string, newline: number): boolean {
  if (text[newline + 1] === '\n') return false;
  const lineEnd = text.indexOf('\n', newline + 1);
  const end = lineEnd === -1 ? text.length : lineEnd;
  for (let at = newline + 1; at < end; at++) {
    if (isOpening(text, at)) return false;
    if (isClosing(text[at])) return true;
  }
  return false;
}

function scanQuotations(text: string): Quotation[] {
  const quotations: Quotation[] = [];
  let at = 0;
  while (at < text.length) {
    if (!isOpening(text, at)) {
      at++;
      continue;
    }
    const pieces: Piece[] = [];
    let open = at;
    let scan = at + 1;
    let close: number | null = null;
    for (;;) {
      const char = text[scan];
      if (char === undefined) {
        pushPiece(text, pieces, open, scan);
        break;
      }
      if (isClosing(char)) {
        pushPiece(text, pieces, open, scan);
        close = scan;
        scan++;
        break;
      }
      // A curly opening mark before this quotation closed: this one was never closed.
      if (char === CURLY_OPEN) {
        pushPiece(text, pieces, open, scan);
        break;
      }
      if (char === '\n') {
        let next = scan;
        while (next < text.length && /\s/.test(text[next] as string)) next++;
        if (text[next] === CURLY_OPEN || text[next] === STRAIGHT) {
          // The newspaper convention: the quotation goes on in the next paragraph.
          pushPiece(text, pieces, open, scan);
          open = next;
          scan = next + 1;
          continue;
        }
        if (!isHardWrap(text, scan)) {
          pushPiece(text, pieces, open, scan);
          break;
        }
      }
      scan++;
    }
    if (pieces.length > 0) quotations.push({ pieces, close, closed: close !== null });
    at = scan;
  }
  return quotations;
}

/** The words between an opening mark and `end`, trimmed, without a comma before the close. */
function pushPiece(text: string, pieces: Piece[], open: number, end: number): void {
  let start = open + 1;
  let stop = end;
  while (start < stop && /\s/.test(text[start] as string)) start++;
  while (stop > start && /\s/.test(text[stop - 1] as string)) stop--;
  if (text[stop - 1] === ',') stop--;
  while (stop > start && /\s/.test(text[stop - 1] as string)) stop--;
  if (stop > start) pieces.push({ open, start, end: stop, text: text.slice(start, stop) });
}

// ---------------------------------------------------------------------------------------------
// Actors and their mentions

interface Actor {
  id: string;
  name: string;
  person: boolean;
}

interface Mention {
  start: number;
  end: number;
  actor: Actor;
}

/** Words that make a name an organisation's when the caller does not say. */
const ORGANISATION_WORDS =
  /\b(?:academy|administration|agency|alliance|army|assembly|association|authority|bank|cent(?:er|re)|command|commission|committee|company|corporation|council|court|department|embassy|federation|forces?|foundation|fund|government|group|institute|ministry|mission|navy|network|news|office|organi[sz]ation|parliament|party|pentagon|police|press|secretariat|senate|service|society|times|union|university)\b/i;

function guessKind(actor: QuotationActor): boolean {
  if (actor.kind) return actor.kind === 'PERSON';
  // An acronym ("RCAF") or a name with an institution's word is an organisation.
  return !(/^[\p{Lu}\p{N}.&-]+$/u.test(actor.name) || ORGANISATION_WORDS.test(actor.name));
}

function nameKey(text: string): string {
  return text.toLowerCase().replace(/’/g, "'").replace(/\s+/g, ' ');
}

/** A name as looked up: its text, whose actor it is, and how it must appear. */
interface KnownName {
  name: string;
  actor: Actor;
  caseSensitive: boolean;
  /** One part of a person's name: not when another capitalised word follows. */
  part: boolean;
}

const WORD_RUN = /[\p{L}\p{N}]+/gu;

/** The letters and digits a name or a word of the text starts with, as a look-up key. */
function runKey(text: string): string {
  return /^[\p{L}\p{N}]*/u.exec(text)?.[0].toLowerCase() ?? '';
}

/**
 * Every mention of a known actor: a full name or alias (case-insensitive, except acronyms such
 * as "RCA", which would otherwise match ordinary words), or one part of a person's name
 * ("Manet") that no other person's name shares, capitalised as in the name, at least three
 * letters long, and not followed by another capitalised word (then it is part of a longer name:
 * "Royal" in "Royal Cambodia Army-US Land Forces Talks", "Daniel" in "Daniel K Inouye").
 * Where names overlap, the one that starts first wins, then the longest. Names are looked up by
 * the word they start with, so thousands of actors cost little more than a few.
 */
function findMentions(text: string, actors: readonly QuotationActor[]): Mention[] {
  const byName = new Map<string, Actor | null>();
  const acronyms = new Map<string, Actor | null>();
  const parts = new Map<string, Actor | null>();
  const claim = (map: Map<string, Actor | null>, key: string, actor: Actor) => {
    const known = map.get(key);
    // The same name for two actors names neither.
    map.set(key, known === undefined || known?.id === actor.id ? actor : null);
  };
  const spelling = new Map<string, string>();
  for (const input of actors) {
    const actor: Actor = { id: input.id, name: input.name, person: guessKind(input) };
    for (const name of [input.name, ...input.aliases]) {
      const trimmed = name.trim();
      if (runKey(trimmed).length === 0) continue;
      if (/^[\p{Lu}\p{N}.&-]+$/u.test(trimmed) && /\p{Lu}/u.test(trimmed)) {
        claim(acronyms, trimmed, actor);
      } else {
        claim(byName, nameKey(trimmed), actor);
        spelling.set(nameKey(trimmed), trimmed);
      }
    }
    if (!actor.person) continue;
    for (const word of new Set(input.name.trim().split(/\s+/))) {
      if (/^\p{Lu}[\p{L}'’-]{2,}$/u.test(word)) claim(parts, word, actor);
    }
  }
  // A part that is some actor's whole name or alias is that actor's.
  for (const word of parts.keys()) if (byName.has(nameKey(word))) parts.delete(word);

  const lookup = new Map<string, KnownName[]>();
  const add = (name: string, actor: Actor | null, caseSensitive: boolean, part: boolean) => {
    if (!actor) return;
    const key = runKey(name);
    const list = lookup.get(key) ?? [];
    list.push({ name, actor, caseSensitive, part });
    lookup.set(key, list);
  };
  for (const [key, actor] of byName) add(spelling.get(key) ?? key, actor, false, false);
  for (const [name, actor] of acronyms) add(name, actor, true, false);
  for (const [name, actor] of parts) add(name, actor, true, true);

  const mentions: Mention[] = [];
  let covered = 0;
  for (const run of text.matchAll(WORD_RUN)) {
    const start = run.index;
    if (start < covered) continue;
    let best: Mention | null = null;
    for (const known of lookup.get(run[0].toLowerCase()) ?? []) {
      const end = matchName(text, start, known);
      if (end !== -1 && (best === null || end > best.end)) {
        best = { start, end, actor: known.actor };
      }
    }
    if (best) {
      mentions.push(best);
      covered = best.end;
    }
  }
  return mentions;
}

/**
 * Where `known` ends if the text at `start` spells it (any run of white space for a space, either
 * apostrophe for an apostrophe), followed by neither a letter nor a digit; -1 otherwise.
 */
function matchName(text: string, start: number, known: KnownName): number {
  const { name, caseSensitive } = known;
  let at = start;
  for (let i = 0; i < name.length; i++) {
    const expected = name[i] as string;
    if (/\s/.test(expected)) {
      if (!/\s/.test(text[at] ?? '')) return -1;
      while (/\s/.test(text[at] ?? '')) at++;
      while (/\s/.test(name[i + 1] ?? '')) i++;
      continue;
    }
    const actual = text[at];
    if (actual === undefined) return -1;
    const same =
      actual === expected ||
      (/['’]/.test(actual) && /['’]/.test(expected)) ||
      (!caseSensitive && actual.toLowerCase() === expected.toLowerCase());
    if (!same) return -1;
    at++;
  }
  if (/[\p{L}\p{N}]/u.test(text[at] ?? '')) return -1;
  if (known.part && /^\s+\p{Lu}/u.test(text.slice(at, at + 8))) return -1;
  return at;
}

// ---------------------------------------------------------------------------------------------
// Attribution

/** Verbs (and phrases) that attribute words to someone. */
const SPEECH =
  /(?<![\p{L}\p{N}])(?:said|says|say|saying|told|tells|added|adds|adding|explained|explains|stated|stating|noted|wrote|writes|writing|posted|tweeted|continued|stressed|emphasi[sz]ed|asserted|declared|remarked|announced|insisted|argued|warned|affirmed|replied|recalled|concluded|commented|observed|acknowledged|underscored|urged|confirmed|claimed|according\s+to)(?![\p{L}\p{N}])/iu;

/** A document that can "say" something: its author is the speaker. */
const DOCUMENT_NOUN =
  /(?<![\p{L}\p{N}])(?:(?:press|news)\s+(?:release|statement|conference|briefing)|release|statement|announcement|communiqu[eé]|readout|(?:social\s+media\s+)?post|social\s+media(?:\s+(?:page|account))?|Facebook\s+(?:page|post)|tweet|website)(?![\p{L}\p{N}])/giu;

const PRONOUN = /(?<![\p{L}\p{N}])(?:he|she|it|they)(?![\p{L}\p{N}])/giu;
const LATTER = /(?<![\p{L}\p{N}])the\s+(latter|former)(?![\p{L}\p{N}])/giu;
/** Sentence openers after which the first comma ends a phrase that is not the subject. */
const INTRODUCTION =
  /^\s*(?:In|During|At|On|After|Before|While|Following|Speaking|With|Upon|Throughout|Meanwhile|However|Separately|Later|Earlier|Also|Particularly)\b/u;
/** Words after which a name is the listener, not the speaker ("he told Hun Sen"). */
const LISTENER = /\b(?:told|with|asked|urged|thanked|met)\s+(?:the\s+)?$/i;

type DocumentGroup = 'post' | 'release';

type Referent =
  | { kind: 'actor'; at: number; actor: Actor }
  | { kind: 'pronoun'; at: number; pronoun: 'he' | 'she' | 'it' | 'they' }
  | { kind: 'document'; at: number; group: DocumentGroup; owner: Actor | null };

interface Speaker {
  actor: Actor | null;
  /** The name given in the text, for a speaker who is no known actor. */
  name: string | null;
  attribution: string | null;
  confidence: number;
}

interface Sentence {
  start: number;
  end: number;
  paragraph: number;
}

/** Abbreviations whose full stop does not end a sentence. */
const ABBREVIATIONS = new Set(
  'mr mrs ms dr gen lt col maj capt cmdr sgt adm st jr sr prof rev hon gov rep sen no vs e.g i.e jan feb mar apr jun jul aug sep sept oct nov dec inc ltd co corp mt ft approx dept'.split(
    ' ',
  ),
);

/** A body read for attribution: quotations, quotations masked out, sentences, mentions. */
class Document {
  readonly quotations: Quotation[];
  /** The body with the quoted words blanked out (same length), so names inside quotations do
   * not count as mentions and full stops inside them do not end sentences. */
  private readonly masked: string;
  private readonly lineStarts: number[] = [];
  /** Ordinal of each line among non-blank lines, so blank lines do not count as distance. */
  private readonly lineParagraph: number[] = [];
  private readonly sentences: Sentence[] = [];
  private readonly mentions: Mention[];

  constructor(
    private readonly text: string,
    actors: readonly QuotationActor[],
  ) {
    this.quotations = scanQuotations(text);
    this.masked = maskQuotations(text, this.quotations);
    let paragraph = -1;
    let start = 0;
    for (const line of text.split('\n')) {
      if (line.trim().length > 0) paragraph++;
      this.lineStarts.push(start);
      this.lineParagraph.push(Math.max(0, paragraph));
      this.splitSentences(start, start + line.length, Math.max(0, paragraph));
      start += line.length + 1;
    }
    this.mentions = findMentions(this.masked, actors);
  }

  paragraphOf(at: number): number {
    return this.lineParagraph[this.lineIndexOf(at)] ?? 0;
  }

  /**
   * A quotation without an attribution of its own goes on with the previous speaker when it is
   * in the same paragraph, or opens the next one ("“…,” he said.¶“…”").
   */
  continues(previous: { paragraph: number }, first: Piece): boolean {
    const paragraph = this.paragraphOf(first.open);
    if (paragraph === previous.paragraph) return true;
    const lineStart = this.lineStarts[this.lineIndexOf(first.open)] as number;
    return (
      paragraph === previous.paragraph + 1 && this.text.slice(lineStart, first.open).trim() === ''
    );
  }

  private lineIndexOf(at: number): number {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.lineStarts[mid] as number) <= at) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  private splitSentences(from: number, to: number, paragraph: number): void {
    const masked = this.masked;
    let start = from;
    while (start < to && /\s/.test(masked[start] as string)) start++;
    for (let at = start; at < to; at++) {
      if (!/[.!?]/.test(masked[at] as string)) continue;
      let end = at + 1;
      while (end < to && /[”"’)\]]/.test(masked[end] as string)) end++;
      if (end >= to) break;
      if (!/\s/.test(masked[end] as string)) continue;
      let next = end;
      while (next < to && /\s/.test(masked[next] as string)) next++;
      if (next >= to || !/[\p{Lu}\p{N}“"‘(]/u.test(masked[next] as string)) continue;
      if (masked[at] === '.' && isAbbreviation(masked, at)) continue;
      this.sentences.push({ start, end, paragraph });
      start = next;
      at = next - 1;
    }
    if (start < to) this.sentences.push({ start, end: to, paragraph });
  }

  /** The speaker of a quotation from the attribution in its own sentence(s), or null. */
  attribute(quotation: Quotation): Speaker | null {
    const first = quotation.pieces[0] as Piece;
    // After the quotation: "“…,” he said." / "“…,” said the release." - unless the quotation
    // ended its sentence ("“… continue.” Hun Sen also …" starts a new one).
    if (quotation.close !== null) {
      const sentence = this.sentenceAt(quotation.close);
      if (sentence && sentence.end > quotation.close + 1) {
        const speaker = this.speakerOf(quotation.close + 1, sentence.end, first.open, false);
        if (speaker) return speaker;
      }
    }
    // Before it, in the same sentence: "He stressed …, saying: “…”", "According to X, “…”".
    const sentence = this.sentenceAt(first.open);
    if (sentence && sentence.start < first.open) {
      const speaker = this.speakerOf(sentence.start, first.open, first.open, true);
      if (speaker) return speaker;
    }
    // A sentence of its own just before, ending in a colon: "The statement said:¶“…”".
    const before = this.sentences[this.lastSentenceStartingBefore(first.open)];
    if (
      before &&
      before.end <= first.open &&
      /:\s*$/.test(this.masked.slice(before.start, before.end))
    ) {
      const paragraphs = this.paragraphOf(first.open) - before.paragraph;
      if (paragraphs <= 1) return this.speakerOf(before.start, before.end, before.start, true);
    }
    return null;
  }

  private sentenceAt(at: number): Sentence | undefined {
    const sentence = this.sentences[this.lastSentenceStartingBefore(at + 1)];
    return sentence && at < sentence.end ? sentence : undefined;
  }

  /** Index of the last sentence that starts before `at` (-1 if none); sentences are in order. */
  private lastSentenceStartingBefore(at: number): number {
    let low = -1;
    let high = this.sentences.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.sentences[mid] as Sentence).start < at) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  /** The mentions that lie wholly between two offsets, in order. */
  private mentionsIn(from: number, to: number): Mention[] {
    let low = 0;
    let high = this.mentions.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((this.mentions[mid] as Mention).start < from) low = mid + 1;
      else high = mid;
    }
    const found: Mention[] = [];
    for (let i = low; i < this.mentions.length; i++) {
      const mention = this.mentions[i] as Mention;
      if (mention.start >= to) break;
      if (mention.end <= to) found.push(mention);
    }
    return found;
  }

  /**
   * The speaker an attribution clause names, if the clause has a speech verb. `quoteStart` is
   * where resolving "he", "it" or "the post" starts looking back from.
   */
  private speakerOf(from: number, to: number, quoteStart: number, leadIn: boolean): Speaker | null {
    const clause = this.masked.slice(from, to);
    const verb = SPEECH.exec(clause);
    if (!verb) return null;
    const attribution = cleanAttribution(this.text.slice(from, to));
    let referents = this.referents(from, to, leadIn);
    const according = /\baccording\s+to\b/i.exec(clause);
    if (according) {
      const after = from + according.index;
      const following = referents.filter((r) => r.at >= after);
      if (following.length > 0) referents = following;
    }
    const subject = referents[0];
    if (subject === undefined) {
      const name = unknownName(clause, verb);
      return {
        actor: null,
        name,
        attribution,
        confidence: name ? CONFIDENCE.UNKNOWN_NAME : CONFIDENCE.UNRESOLVED,
      };
    }
    const { actor, direct } = this.resolve(subject, Math.min(subject.at, quoteStart));
    if (actor === null) {
      return { actor: null, name: null, attribution, confidence: CONFIDENCE.UNRESOLVED };
    }
    return {
      actor,
      name: actor.name,
      attribution,
      confidence: direct ? CONFIDENCE.NAMED : CONFIDENCE.RESOLVED,
    };
  }

  private resolve(referent: Referent, before: number): { actor: Actor | null; direct: boolean } {
    switch (referent.kind) {
      case 'actor':
        return { actor: referent.actor, direct: true };
      case 'document':
        return referent.owner
          ? { actor: referent.owner, direct: true }
          : { actor: this.resolveDocument(before, referent.group, false), direct: false };
      case 'pronoun':
        if (referent.pronoun === 'it') {
          return { actor: this.resolveDocument(before, null, true), direct: false };
        }
        if (referent.pronoun === 'they') return { actor: null, direct: false };
        return { actor: this.resolvePerson(before), direct: false };
    }
  }

  /**
   * "he"/"she": the first person named in the nearest preceding sentence that names one (after
   * an introductory phrase: "In a meeting with Austin, Hun Sen…" is about Hun Sen), skipping
   * sentences whose subject is itself "he"/"she" (they continue the same person), within
   * PERSON_REACH paragraphs.
   */
  private resolvePerson(before: number): Actor | null {
    const paragraph = this.paragraphOf(before);
    for (const [from, to, sentence] of this.sentencesBefore(before)) {
      if (paragraph - sentence.paragraph > PERSON_REACH) break;
      const referents = this.referents(from, to, true);
      const first = referents[0];
      if (first === undefined) continue;
      if (first.kind === 'pronoun' && (first.pronoun === 'he' || first.pronoun === 'she')) continue;
      for (const referent of referents) {
        if (referent.kind === 'actor' && referent.actor.person) return referent.actor;
      }
    }
    return null;
  }

  /**
   * "the post", "the release", "it": the author of the nearest document mentioned before ("an
   * RCA press statement", "a press release from the US embassy", "the latter’s official social
   * media"), or the subject of the sentence mentioning a document whose author is not named
   * ("…, according to the prime minister’s social media post" is the subject's post); a document
   * of the same kind (post, release) is preferred. "it" alone may also be an organisation named
   * in a nearby sentence ("the US embassy announced…. It described…"). Sentences whose subject
   * is "it" continue the same search.
   */
  private resolveDocument(
    before: number,
    group: DocumentGroup | null,
    isIt: boolean,
  ): Actor | null {
    const paragraph = this.paragraphOf(before);
    const reach = isIt ? IT_REACH : DOCUMENT_REACH;
    const passes: (DocumentGroup | null)[] = group === null ? [null] : [group, null];
    for (const wanted of passes) {
      for (const [from, to, sentence] of this.sentencesBefore(before)) {
        if (paragraph - sentence.paragraph > reach) break;
        const referents = this.referents(from, to, true);
        const documents = this.documents(from, to).filter(
          (d) => wanted === null || d.group === wanted,
        );
        const document = documents.at(-1);
        if (document) {
          if (document.owner) return document.owner;
          const subject = referents.find((r) => r.kind === 'actor');
          if (subject?.kind === 'actor') return subject.actor;
        }
        if (!isIt) continue;
        const first = referents[0];
        if (first?.kind === 'pronoun' && first.pronoun === 'it') continue;
        const organisation = referents.find((r) => r.kind === 'actor' && !r.actor.person);
        if (organisation?.kind === 'actor') return organisation.actor;
      }
    }
    return null;
  }

  /** Sentences (clipped to `before`) from the nearest back. */
  private *sentencesBefore(before: number): Generator<[number, number, Sentence]> {
    for (let i = this.lastSentenceStartingBefore(before); i >= 0; i--) {
      const sentence = this.sentences[i] as Sentence;
      yield [sentence.start, Math.min(sentence.end, before), sentence];
    }
  }

  /**
   * Actors, pronouns and documents mentioned between two offsets, in order. With `skipIntro`,
   * those in an introductory phrase ("During the meeting,") are dropped when others follow.
   * Names after "told", "with"… are listeners and dropped too.
   */
  private referents(from: number, to: number, skipIntro: boolean): Referent[] {
    const masked = this.masked;
    const referents: Referent[] = [];
    const documents = this.documents(from, to);
    const insideDocument = (at: number) =>
      documents.some((d) => d.at <= at && at < d.end && d.owner !== null);
    for (const mention of this.mentionsIn(from, to)) {
      if (insideDocument(mention.start)) continue;
      if (LISTENER.test(masked.slice(Math.max(from, mention.start - 20), mention.start))) continue;
      referents.push({ kind: 'actor', at: mention.start, actor: mention.actor });
    }
    for (const latter of masked.slice(from, to).matchAll(LATTER)) {
      const at = from + latter.index;
      const actor = this.latterOrFormer(at, latter[1]?.toLowerCase() === 'latter');
      if (actor && !insideDocument(at)) referents.push({ kind: 'actor', at, actor });
    }
    for (const pronoun of masked.slice(from, to).matchAll(PRONOUN)) {
      const word = pronoun[0].toLowerCase() as 'he' | 'she' | 'it' | 'they';
      referents.push({ kind: 'pronoun', at: from + pronoun.index, pronoun: word });
    }
    for (const document of documents) {
      referents.push({
        kind: 'document',
        at: document.at,
        group: document.group,
        owner: document.owner,
      });
    }
    referents.sort((a, b) => a.at - b.at);
    if (skipIntro && INTRODUCTION.test(masked.slice(from, to))) {
      const comma = masked.indexOf(',', from);
      if (comma !== -1 && comma < to) {
        const after = referents.filter((r) => r.at > comma);
        if (after.length > 0) return after;
      }
    }
    return referents;
  }

  /** "the latter": the last actor named before it in its sentence; "the former": the one before. */
  private latterOrFormer(at: number, latter: boolean): Actor | null {
    const sentence = this.sentenceAt(at);
    if (!sentence) return null;
    const named = this.mentionsIn(sentence.start, at);
    const distinct = named.filter(
      (m, i) => named.findIndex((n) => n.actor.id === m.actor.id) === i,
    );
    const pick = latter ? distinct.at(-1) : distinct.at(-2);
    return pick?.actor ?? null;
  }

  /** Documents mentioned between two offsets, with their author when the text names it. */
  private documents(
    from: number,
    to: number,
  ): { at: number; end: number; group: DocumentGroup; owner: Actor | null }[] {
    const masked = this.masked;
    const clause = masked.slice(from, to);
    const found: { at: number; end: number; group: DocumentGroup; owner: Actor | null }[] = [];
    for (const noun of clause.matchAll(DOCUMENT_NOUN)) {
      const nounStart = from + noun.index;
      const nounEnd = nounStart + noun[0].length;
      const group: DocumentGroup =
        /release|statement|announcement|communiq|readout|briefing|conference/i.test(noun[0])
          ? 'release'
          : 'post';
      // The phrase starts at its determiner: "a February 25 press release", "an RCA press statement".
      const head =
        /\b(?:the|a|an|this|that|its|their|his|her)\s+(?:[\p{L}\p{N}’'-]+\s+){0,5}$/iu.exec(
          masked.slice(Math.max(from, nounStart - 80), nounStart),
        );
      const at = head ? nounStart - head[0].length : nounStart;
      let owner: Actor | null = null;
      // Its author before it: "an RCA press statement", "the RCAF’s social media post".
      const before = this.mentionsIn(from, nounStart).at(-1);
      if (
        before &&
        /^(?:['’]s)?(?:\s+[\p{L}\p{N}-]+){0,4}\s+$/u.test(masked.slice(before.end, nounStart))
      ) {
        owner = before.actor;
      }
      // "the latter’s official social media".
      const latter = /\bthe\s+(latter|former)['’]s(?:\s+[\p{L}\p{N}-]+){0,4}\s+$/iu.exec(
        masked.slice(Math.max(from, nounStart - 80), nounStart),
      );
      if (owner === null && latter) {
        owner = this.latterOrFormer(
          nounStart - latter[0].length,
          latter[1]?.toLowerCase() === 'latter',
        );
      }
      // Or after it: "a press release from the US embassy", "a statement by the ministry".
      if (owner === null) {
        const after = this.mentionsIn(nounEnd, to)[0];
        const gap = after ? masked.slice(nounEnd, after.start) : '';
        if (after && /^\s+(?:\S+\s+){0,3}?(?:from|by|of)\s+(?:the\s+)?$/i.test(gap)) {
          owner = after.actor;
        }
      }
      found.push({ at, end: nounEnd, group, owner });
    }
    return found;
  }
}

function isAbbreviation(text: string, fullStop: number): boolean {
  let start = fullStop;
  while (start > 0 && !/\s/.test(text[start - 1] as string)) start--;
  const word = text.slice(start, fullStop).replace(/^[("“‘]+/, '');
  // Initials: "P." in "Ronald P. Clark", "U.S".
  if (/^(?:\p{Lu}\.)*\p{Lu}$/u.test(word)) return true;
  return ABBREVIATIONS.has(word.toLowerCase());
}

/** The body with each quotation's words replaced by "_" (line breaks and a final stop kept). */
function maskQuotations(text: string, quotations: readonly Quotation[]): string {
  const chars = text.split('');
  for (const quotation of quotations) {
    for (const piece of quotation.pieces) {
      for (let at = piece.start; at < piece.end; at++) {
        if (chars[at] !== '\n') chars[at] = '_';
      }
      // A quotation that ends its sentence must still end it.
      const last = text[piece.end - 1] as string;
      if (/[.!?]/.test(last)) chars[piece.end - 1] = last;
    }
  }
  return chars.join('');
}

/** The attribution as a phrase: no leading punctuation, no final full stop or colon. */
function cleanAttribution(clause: string): string {
  return clause
    .replace(/^[\s,;:”"’)]+/u, '')
    .replace(/[\s.:;,“"]+$/u, '')
    .replace(/\s+/g, ' ');
}

/** A capitalised name right next to the speech verb ("said John Smith", "Jane Doe, a lecturer, said"). */
function unknownName(clause: string, verb: RegExpExecArray): string | null {
  const NAME = String.raw`\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){1,3}`;
  const after = new RegExp(`^\\s+(${NAME})`, 'u').exec(clause.slice(verb.index + verb[0].length));
  if (after?.[1]) return after[1];
  const before = new RegExp(`(${NAME})(?:,[^,]{1,80},)?\\s+$`, 'u').exec(
    clause.slice(0, verb.index),
  );
  return before?.[1] ?? null;
}
