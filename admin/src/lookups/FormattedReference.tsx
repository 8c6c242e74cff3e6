// A source's or a citation's reference in APA, MLA or Chicago style, as the API formats it, with
// a button that copies it. A citation also offers its deep link (the source URL with a text
// fragment) when that is an http(s) URL.
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import {
  Box,
  Button,
  Link,
  Stack,
  ToggleButton,
  ToggleButtonGroup,
  Typography,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useDataProvider, useNotify } from 'react-admin';
import { safeHttpUrl } from '../common/safe-url.ts';
import type { CitelineDataProvider } from '../dataProvider/data-provider.ts';

export type ReferenceStyle = 'APA' | 'MLA' | 'CHICAGO';

const STYLES: { id: ReferenceStyle; label: string }[] = [
  { id: 'APA', label: 'APA' },
  { id: 'MLA', label: 'MLA' },
  { id: 'CHICAGO', label: 'Chicago' },
];

interface References {
  APA: string;
  MLA: string;
  CHICAGO: string;
  deepLink?: string | null;
}

const STYLE_FIELDS =
  'APA: formatted(style: APA) MLA: formatted(style: MLA) CHICAGO: formatted(style: CHICAGO)';

const QUERY = `query References($id: ID!) { node(id: $id) {
  ... on Source { ${STYLE_FIELDS} }
  ... on Citation { ${STYLE_FIELDS} deepLink }
} }`;

/** Copies text to the clipboard; false when the browser refuses (no permission, no HTTPS…). */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

export const FormattedReference = ({ kind, id }: { kind: 'source' | 'citation'; id: string }) => {
  const dataProvider = useDataProvider<CitelineDataProvider>();
  const notify = useNotify();
  const [style, setStyle] = useState<ReferenceStyle>('APA');
  const references = useQuery({
    queryKey: ['references', id],
    queryFn: async () =>
      (await dataProvider.graphql<{ node: References | null }>(QUERY, { id })).node,
  });
  const text = references.data?.[style];
  const deepLink = safeHttpUrl(references.data?.deepLink);

  const copy = async () => {
    if (!text) return;
    const copied = await copyText(text);
    notify(
      copied
        ? `${style === 'CHICAGO' ? 'Chicago' : style} reference copied`
        : 'Copying was refused by the browser: select the text and copy it',
      {
        type: copied ? 'info' : 'warning',
      },
    );
  };

  return (
    <Box component="section" aria-label={`Reference to this ${kind}`}>
      <Stack direction="row" alignItems="center" justifyContent="space-between" sx={{ mb: 1 }}>
        <Typography variant="subtitle2">Reference</Typography>
        <ToggleButtonGroup
          size="small"
          exclusive
          value={style}
          onChange={(_event, value: ReferenceStyle | null) => value && setStyle(value)}
          aria-label="Citation style"
        >
          {STYLES.map((item) => (
            <ToggleButton key={item.id} value={item.id}>
              {item.label}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
      </Stack>
      <Typography
        variant="body2"
        data-testid="formatted-reference"
        sx={{ p: 1.5, bgcolor: 'action.hover', borderRadius: 1, overflowWrap: 'anywhere' }}
      >
        {references.isPending ? '…' : (text ?? 'No reference could be made.')}
      </Typography>
      <Stack direction="row" spacing={2} alignItems="center" sx={{ mt: 1 }}>
        <Button size="small" startIcon={<ContentCopyIcon />} onClick={copy} disabled={!text}>
          Copy
        </Button>
        {deepLink && (
          <Link href={deepLink} target="_blank" rel="noopener noreferrer nofollow" variant="body2">
            Open the passage at the source
          </Link>
        )}
      </Stack>
    </Box>
  );
};
