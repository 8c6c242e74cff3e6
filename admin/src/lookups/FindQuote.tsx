// "Find a quote": paste words, get the sources that contain them and where (typographic quotes
// and dashes match their plain forms), each passage in context with a link to read it in the
// source and the citations that already cite it. The words are kept in the URL (?text=).
import SearchIcon from '@mui/icons-material/Search';
import { Alert, Box, Button, Card, CardContent, Stack, TextField, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, Title, useCreatePath, useDataProvider, useLocation, useNavigate } from 'react-admin';
import { describePartialDate } from '../common/partial-date.ts';
import type { CitelineDataProvider } from '../dataProvider/data-provider.ts';

interface PassageMatch {
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
  source: { id: string; title: string; outlet: string | null; publishedOn: string | null };
  citations: {
    id: string;
    statement: { id: string; text: string } | null;
    event: { id: string; title: string } | null;
  }[];
}

const QUERY = `query FindPassages($text: String!) {
  findPassages(text: $text, first: 50) {
    exact prefix suffix start end
    source { id title outlet publishedOn }
    citations { id statement { id text } event { id title } }
  }
}`;

const MatchCard = ({ match }: { match: PassageMatch }) => {
  const createPath = useCreatePath();
  const read = `${createPath({ resource: 'sources', id: match.source.id, type: 'show' })}/read?start=${match.start}&end=${match.end}`;
  return (
    <Card variant="outlined" data-testid="passage-match">
      <CardContent>
        <Typography variant="subtitle1" component="h2">
          <Link to={read}>{match.source.title}</Link>
        </Typography>
        <Typography variant="caption" color="text.secondary" component="p" sx={{ mb: 1 }}>
          {[match.source.outlet, describePartialDate(match.source.publishedOn)]
            .filter(Boolean)
            .join(' · ')}
          {` · code points ${match.start}–${match.end}`}
        </Typography>
        <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
          <Box component="span" sx={{ color: 'text.secondary' }}>
            …{match.prefix}
          </Box>
          <mark>{match.exact}</mark>
          <Box component="span" sx={{ color: 'text.secondary' }}>
            {match.suffix}…
          </Box>
        </Typography>
        <Box sx={{ mt: 1.5 }}>
          {match.citations.length === 0 ? (
            <Typography variant="body2" color="text.secondary">
              Nothing cites this passage yet.{' '}
              <Link to={read}>Read it in the source to cite it.</Link>
            </Typography>
          ) : (
            <>
              <Typography variant="body2">Already cited for:</Typography>
              <Box component="ul" sx={{ my: 0.5, pl: 3 }}>
                {match.citations.map((citation) => (
                  <li key={citation.id}>
                    <Typography variant="body2">
                      {citation.statement ? (
                        <Link
                          to={createPath({
                            resource: 'statements',
                            id: citation.statement.id,
                            type: 'show',
                          })}
                        >
                          Statement: “{citation.statement.text}”
                        </Link>
                      ) : citation.event ? (
                        <Link
                          to={createPath({
                            resource: 'events',
                            id: citation.event.id,
                            type: 'show',
                          })}
                        >
                          Event: {citation.event.title}
                        </Link>
                      ) : null}{' '}
                      (
                      <Link
                        to={createPath({ resource: 'citations', id: citation.id, type: 'show' })}
                      >
                        citation
                      </Link>
                      )
                    </Typography>
                  </li>
                ))}
              </Box>
            </>
          )}
        </Box>
      </CardContent>
    </Card>
  );
};

export const FindQuote = () => {
  const dataProvider = useDataProvider<CitelineDataProvider>();
  const location = useLocation();
  const navigate = useNavigate();
  const searched = new URLSearchParams(location.search).get('text') ?? '';
  const [text, setText] = useState(searched);
  const results = useQuery({
    queryKey: ['findPassages', searched],
    queryFn: async () =>
      (await dataProvider.graphql<{ findPassages: PassageMatch[] }>(QUERY, { text: searched }))
        .findPassages,
    enabled: searched.trim() !== '',
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const words = text.trim();
    if (words) navigate(`/find-quote?${new URLSearchParams({ text: words })}`);
  };

  return (
    <Stack spacing={2} sx={{ mt: 2, mb: 4, maxWidth: '60rem' }}>
      <Title title="Find a quote" />
      <Box component="form" onSubmit={submit} role="search">
        <TextField
          label="Words to find"
          value={text}
          onChange={(event) => setText(event.target.value)}
          multiline
          minRows={2}
          fullWidth
          helperText="Paste a quote: the sources that contain it are listed with where it is"
          onKeyDown={(event) => {
            if (event.key === 'Enter' && !event.shiftKey) submit(event);
          }}
        />
        <Button type="submit" variant="contained" startIcon={<SearchIcon />} sx={{ mt: 1 }}>
          Find
        </Button>
      </Box>
      {results.error && <Alert severity="error">{(results.error as Error).message}</Alert>}
      {results.data && (
        <Typography variant="subtitle2">
          {results.data.length === 0
            ? 'No source contains these words.'
            : results.data.length === 1
              ? 'Found in one place'
              : `Found in ${results.data.length} places`}
        </Typography>
      )}
      {results.data?.map((match) => (
        <MatchCard key={`${match.source.id}:${match.start}`} match={match} />
      ))}
    </Stack>
  );
};
