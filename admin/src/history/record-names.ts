// Names of records by id (a revision's speaker, event and topics; the records on the dashboard's
// recent changes), looked up through `node(id:)` ten at a time (the API allows 15 aliases).
import { globalId } from '../common/record-types.ts';
import type { CitelineDataProvider } from '../dataProvider/data-provider.ts';

const PER_REQUEST = 10;

const NAME_FIELDS = `__typename
  ... on Actor { name }
  ... on Event { title }
  ... on Topic { name }
  ... on Source { title }
  ... on Statement { text }
  ... on Citation { exact }`;

interface Named {
  __typename: string;
  name?: string;
  title?: string;
  text?: string;
  exact?: string;
}

/** Global id → a name, for every record that exists and is visible. */
export async function fetchNodeNames(
  dataProvider: CitelineDataProvider,
  ids: readonly string[],
): Promise<Record<string, string>> {
  const unique = [...new Set(ids)];
  const names: Record<string, string> = {};
  for (let from = 0; from < unique.length; from += PER_REQUEST) {
    const chunk = unique.slice(from, from + PER_REQUEST);
    const variables = Object.fromEntries(chunk.map((id, index) => [`id${index}`, id]));
    const query = `query Names(${chunk.map((_, index) => `$id${index}: ID!`).join(', ')}) { ${chunk
      .map((_, index) => `r${index}: node(id: $id${index}) { ${NAME_FIELDS} }`)
      .join(' ')} }`;
    const data = await dataProvider.graphql<Record<string, Named | null>>(query, variables);
    chunk.forEach((id, index) => {
      const node = data[`r${index}`];
      const name = node?.name ?? node?.title ?? node?.text ?? node?.exact;
      if (name) names[id] = name;
    });
  }
  return names;
}

/** "Type:uuid" → a name, for the records a revision snapshot refers to by database id. */
export async function fetchNames(
  dataProvider: CitelineDataProvider,
  references: readonly { type: string; uuid: string }[],
): Promise<Record<string, string>> {
  const ids = references.map((reference) => globalId(reference.type, reference.uuid));
  const byId = await fetchNodeNames(dataProvider, ids);
  const names: Record<string, string> = {};
  references.forEach((reference, index) => {
    const name = byId[ids[index] as string];
    if (name) names[`${reference.type}:${reference.uuid}`] = name;
  });
  return names;
}
