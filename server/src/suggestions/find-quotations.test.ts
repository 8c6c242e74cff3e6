// Finding quotations and their speakers: quotation marks, paragraphs, scare quotes, attribution
// phrases, pronouns and documents resolved to actors, names and their parts, offsets.
import { describe, expect, it } from 'vitest';
import { CodePointIndex } from '../shared/text.ts';
import {
  CONFIDENCE,
  findQuotations,
  type QuotationActor,
  type SuggestedQuote,
} from './find-quotations.ts';

const ACTORS: QuotationActor[] = [
  { id: 'hun-sen', name: 'Hun Sen', aliases: [], kind: 'PERSON' },
  // No alias: "Manet" alone is found as an unambiguous part of the name ("Hun" is shared).
  { id: 'hun-manet', name: 'Hun Manet', aliases: [], kind: 'PERSON' },
  { id: 'tea-seiha', name: 'Tea Seiha', aliases: ['Seiha'], kind: 'PERSON' },
  { id: 'pat-ryder', name: 'Pat Ryder', aliases: [], kind: 'PERSON' },
  { id: 'jed-royal', name: 'Jed Royal', aliases: [], kind: 'PERSON' },
  { id: 'lloyd-austin', name: 'Lloyd Austin', aliases: [], kind: 'PERSON' },
  { id: 'kritenbrink', name: 'Daniel Kritenbrink', aliases: [], kind: 'PERSON' },
  { id: 'seun-sam', name: 'Seun Sam', aliases: [], kind: 'PERSON' },
  { id: 'sam-rainsy', name: 'Sam Rainsy', aliases: [], kind: 'PERSON' },
  {
    id: 'rcaf',
    name: 'Royal Cambodian Armed Forces',
    aliases: ['RCAF'],
    kind: 'ORGANIZATION',
  },
  {
    id: 'us-embassy',
    name: 'US Embassy in Cambodia',
    aliases: ['US embassy in Phnom Penh'],
    kind: 'ORGANIZATION',
  },
];

type Found = Pick<SuggestedQuote, 'text' | 'speakerId'> & Partial<SuggestedQuote>;

function suggest(body: string, actors: QuotationActor[] = ACTORS): SuggestedQuote[] {
  const suggestions = findQuotations(body, actors);
  // Every suggestion's offsets select its text.
  const index = new CodePointIndex(body);
  for (const suggestion of suggestions) {
    expect(index.slice(suggestion.start, suggestion.end)).toBe(suggestion.text);
  }
  return suggestions;
}

describe('findQuotations', () => {
  const cases: { name: string; body: string; found: Found[] }[] = [
    // Attribution phrases.
    {
      name: '"said X" after the quotation',
      body: '“We will keep working with all our partners,” said Hun Sen.',
      found: [
        {
          text: 'We will keep working with all our partners',
          speakerId: 'hun-sen',
          speakerName: 'Hun Sen',
          attribution: 'said Hun Sen',
          confidence: CONFIDENCE.NAMED,
        },
      ],
    },
    {
      name: '"X said" after the quotation, straight quotes',
      body: '"We will keep working with all our partners," Hun Sen said.',
      found: [{ text: 'We will keep working with all our partners', speakerId: 'hun-sen' }],
    },
    {
      name: '"X added" with an apposition between name and verb',
      body: '“We will be back before the end of the year,” Ryder, who travelled with the secretary, added.',
      found: [
        {
          text: 'We will be back before the end of the year',
          speakerId: 'pat-ryder',
          attribution: 'Ryder, who travelled with the secretary, added',
        },
      ],
    },
    {
      name: '"according to X" before the quotation',
      body: 'According to Tea Seiha, “the exercises will resume next year.”',
      found: [
        {
          text: 'the exercises will resume next year.',
          speakerId: 'tea-seiha',
          attribution: 'According to Tea Seiha',
        },
      ],
    },
    {
      name: '"X wrote on Facebook:" before the quotation, a surname alone',
      body: 'Manet wrote on Facebook: “Cambodia welcomes every friend who respects its sovereignty.”',
      found: [
        {
          text: 'Cambodia welcomes every friend who respects its sovereignty.',
          speakerId: 'hun-manet',
          confidence: CONFIDENCE.NAMED,
        },
      ],
    },
    {
      name: '"X told …:" before the quotation',
      body: 'Hun Sen told reporters in Phnom Penh: “Nobody can order Cambodia around.”',
      found: [{ text: 'Nobody can order Cambodia around.', speakerId: 'hun-sen' }],
    },
    {
      name: 'the listener of "told" is not the speaker',
      body: 'Hun Manet greeted his guests.\n\n“You are always welcome here in Cambodia,” he told Pat Ryder.',
      found: [{ text: 'You are always welcome here in Cambodia', speakerId: 'hun-manet' }],
    },
    {
      name: '"said a … press release from X"',
      body: '“The officials explored ways to enhance the defence relationship,” said a February 25 press release from the US embassy in Cambodia.',
      found: [
        {
          text: 'The officials explored ways to enhance the defence relationship',
          speakerId: 'us-embassy',
          confidence: CONFIDENCE.NAMED,
        },
      ],
    },
    {
      name: 'a name inside the quotation is not its speaker',
      body: 'Hun Sen spoke first. “Tea Seiha will lead the talks tomorrow,” he said.',
      found: [{ text: 'Tea Seiha will lead the talks tomorrow', speakerId: 'hun-sen' }],
    },
    // Pronouns and documents.
    {
      name: '"he said" resolved to the person of the previous sentence',
      body: 'Tea Seiha met the delegation on Monday. “Our cooperation has a long history,” he said.',
      found: [
        {
          text: 'Our cooperation has a long history',
          speakerId: 'tea-seiha',
          attribution: 'he said',
          confidence: CONFIDENCE.RESOLVED,
        },
      ],
    },
    {
      name: '"he" followed back through sentences about "he"',
      body: 'Pat Ryder spoke after the meeting with Hun Manet.\n\nHe said the talks were frank. He also praised the hosts.\n\n“We made real progress on every point we raised,” he added.',
      found: [{ text: 'We made real progress on every point we raised', speakerId: 'pat-ryder' }],
    },
    {
      name: '"he" after an introductory phrase naming someone else',
      body: 'In a meeting with Austin, Hun Sen asked for patience.\n\n“Trust takes time to build,” he said.',
      found: [{ text: 'Trust takes time to build', speakerId: 'hun-sen' }],
    },
    {
      name: '"it said" resolved to the organisation that issued a statement',
      body: 'In a statement on Friday, the US embassy in Phnom Penh announced new training. It described the talks as useful.\n\n“The United States remains a committed partner to Cambodia,” it said.',
      found: [
        {
          text: 'The United States remains a committed partner to Cambodia',
          speakerId: 'us-embassy',
          confidence: CONFIDENCE.RESOLVED,
        },
      ],
    },
    {
      name: '"it said" after "according to X’s post": the post’s author',
      body: 'Hun Manet thanked the donors, according to the RCAF’s social media post.\n\n“Demining saves lives every single day,” it said.',
      found: [{ text: 'Demining saves lives every single day', speakerId: 'rcaf' }],
    },
    {
      name: '"it said" after a post whose author is only described: the sentence’s subject',
      body: 'Manet believes the visit will help, according to the prime minister’s June 4 social media post.\n\n“Both sides discussed student exchanges and joint exercises,” it said.',
      found: [
        {
          text: 'Both sides discussed student exchanges and joint exercises',
          speakerId: 'hun-manet',
        },
      ],
    },
    {
      name: '"said the release" resolved to the author of the statement mentioned before',
      body: 'Seiha welcomed the visit, according to an RCAF press statement.\n\n“The commanders reaffirmed their commitment to working closely,” said the release.',
      found: [
        {
          text: 'The commanders reaffirmed their commitment to working closely',
          speakerId: 'rcaf',
        },
      ],
    },
    {
      name: '"stated the post" resolved through "the latter’s" social media',
      body: 'Kritenbrink met Prime Minister Hun Manet on Monday, as announced on the latter’s official social media.\n\nKritenbrink praised the progress.\n\n“The two discussed trade, investment and security,” stated the post.',
      found: [{ text: 'The two discussed trade, investment and security', speakerId: 'hun-manet' }],
    },
    {
      name: '"they said" is not resolved',
      body: 'Officials met on Monday. “Every topic was on the table this time,” they said.',
      found: [
        {
          text: 'Every topic was on the table this time',
          speakerId: null,
          attribution: 'they said',
          confidence: CONFIDENCE.UNRESOLVED,
        },
      ],
    },
    // Speakers who are no known actor, and no speaker.
    {
      name: 'a name that is no known actor',
      body: '“We are watching the region closely,” said John Smith, a regional analyst.',
      found: [
        {
          text: 'We are watching the region closely',
          speakerId: null,
          speakerName: 'John Smith',
          confidence: CONFIDENCE.UNKNOWN_NAME,
        },
      ],
    },
    {
      name: 'a surname two people share names neither',
      body: '“Both parties should talk more often than they do,” Sam said.',
      found: [{ text: 'Both parties should talk more often than they do', speakerId: null }],
    },
    {
      name: 'a quotation with no attribution',
      body: 'The report opens with a line. “An unattributed sentence sits in the text here.” Nothing else.',
      found: [
        {
          text: 'An unattributed sentence sits in the text here.',
          speakerId: null,
          speakerName: null,
          attribution: null,
          confidence: CONFIDENCE.NONE,
        },
      ],
    },
    {
      name: 'a second quotation in the same paragraph goes on with the first one’s speaker',
      body: '“This is the first thing we said today,” Hun Sen said. “And here is a second thing as well.”',
      found: [
        { text: 'This is the first thing we said today', speakerId: 'hun-sen' },
        {
          text: 'And here is a second thing as well.',
          speakerId: 'hun-sen',
          confidence: CONFIDENCE.INHERITED,
        },
      ],
    },
    // Quotation marks and paragraphs.
    {
      name: 'a quotation across paragraphs: one suggestion per paragraph, attributed at its end',
      body: '“This is the first paragraph of the statement.\n\n“And the second paragraph continues it to the end,” Ryder said.',
      found: [
        { text: 'This is the first paragraph of the statement.', speakerId: 'pat-ryder' },
        { text: 'And the second paragraph continues it to the end', speakerId: 'pat-ryder' },
      ],
    },
    {
      name: 'a quotation across single-line paragraphs, mixing curly and straight marks',
      body: '“We’re encouraged about the possibility of resuming training.\n"That was true again today.\n“This kind of engagement matters," Ryder said in a press statement.',
      found: [
        {
          text: 'We’re encouraged about the possibility of resuming training.',
          speakerId: 'pat-ryder',
        },
        { text: 'That was true again today.', speakerId: 'pat-ryder' },
        { text: 'This kind of engagement matters', speakerId: 'pat-ryder' },
      ],
    },
    {
      name: 'a hard-wrapped line inside a quotation',
      body: '“This quotation was wrapped by\nan email client at the line end,” said Hun Sen.',
      found: [
        {
          text: 'This quotation was wrapped by\nan email client at the line end',
          speakerId: 'hun-sen',
        },
      ],
    },
    {
      name: 'a quotation that never closes ends with its paragraph, less surely',
      body: 'Hun Sen spoke. “This quotation never closes at all\n\nA normal paragraph follows it.',
      found: [
        {
          text: 'This quotation never closes at all',
          speakerId: null,
          confidence: Math.round(CONFIDENCE.NONE * 0.7 * 100) / 100,
        },
      ],
    },
    {
      name: 'a straight mark after a colon opens',
      body: 'Tea Seiha said:"Yes, we agree with all of it."',
      found: [{ text: 'Yes, we agree with all of it.', speakerId: 'tea-seiha' }],
    },
    // Scare quotes and names.
    {
      name: 'a short unattributed quotation is a scare quote',
      body: 'Officials held “constructive” meetings with the delegation and called them “very useful indeed”.',
      found: [],
    },
    {
      name: 'names in quotation marks are not statements',
      body: 'They discussed resuming the “Angkor Sentinel” exercise and the “Mine-Free Cambodia 2025” goal, said Hun Sen.',
      found: [],
    },
    {
      name: 'a short quotation its sentence attributes is kept, less surely',
      body: 'Austin wrote on X that he had spent a "productive day" in Phnom Penh.',
      found: [
        {
          text: 'productive day',
          speakerId: 'lloyd-austin',
          confidence: Math.round(CONFIDENCE.NAMED * 0.8 * 100) / 100,
        },
      ],
    },
    {
      name: 'single quotation marks are not read',
      body: 'Hun Sen agreed to expand ‘good relations that have lasted for years’, he said.',
      found: [],
    },
    {
      name: 'a name inside a longer proper noun is no mention',
      body: 'Officials attended the Royal Cambodia Army-US Land Forces Talks. “Progress was steady and very encouraging,” it said.',
      found: [{ text: 'Progress was steady and very encouraging', speakerId: null }],
    },
  ];

  it.each(cases)('$name', ({ body, found }) => {
    const suggestions = suggest(body);
    expect(suggestions).toHaveLength(found.length);
    suggestions.forEach((suggestion, i) => {
      expect(suggestion).toMatchObject(found[i] as Found);
    });
  });

  it('counts offsets in code points after emoji and Khmer', () => {
    const body = '👋🏽 កម្ពុជា “Peace is our first priority today,” said Hun Sen.';
    const [suggestion] = suggest(body);
    // 2 + 1 + 7 + 1 code points and the opening mark: the words start at 12 (16 in UTF-16).
    expect(suggestion).toMatchObject({ start: 12, end: 12 + 33, speakerId: 'hun-sen' });
  });

  it('guesses people and organisations from their names when the kind is not given', () => {
    const actors = ACTORS.map(({ kind: _kind, ...actor }) => actor);
    const body =
      'In a statement, the US embassy in Phnom Penh announced training. Tea Seiha welcomed it.\n\n“The United States remains a committed partner,” it said. “Cambodia values the training offered to its officers,” Seiha added.';
    expect(suggest(body, actors).map((s) => s.speakerId)).toEqual(['us-embassy', 'tea-seiha']);
  });

  it('matches names case-insensitively, acronyms only in capitals', () => {
    const actors: QuotationActor[] = [
      { id: 'us', name: 'United States', aliases: ['US'], kind: 'ORGANIZATION' },
      { id: 'jed-royal', name: 'Jed Royal', aliases: [], kind: 'PERSON' },
    ];
    expect(
      suggest('“Let us talk about the future of our countries,” said jed royal.', actors),
    ).toMatchObject([{ speakerId: 'jed-royal' }]);
    expect(
      suggest('“Give us some time to answer that question,” said the US.', actors),
    ).toMatchObject([{ speakerId: 'us' }]);
  });

  it('finds nothing in a text without quotation marks, and in an empty one', () => {
    expect(suggest('Hun Sen said the talks went well. He thanked the guests.')).toEqual([]);
    expect(suggest('')).toEqual([]);
  });

  it('reads a long body: 5,000 quotations, each attributed', () => {
    const paragraph =
      'Tea Seiha met the delegation. “Our cooperation has a long and useful history,” he said. The visit continued.\n\n';
    const body = paragraph.repeat(5000);
    const suggestions = suggest(body);
    expect(suggestions).toHaveLength(5000);
    expect(suggestions.every((s) => s.speakerId === 'tea-seiha')).toBe(true);
  });
});
