-- Queue search that finds word forms and filters that ignore case (issue 19, "daily basics").

-- What an analyst's words are matched against: every word as written ('simple': any language, stop words kept) plus
-- its English and its Danish stem, so "migrant" finds "migrants" and "migranter", and "angreb" finds "angrebet".
-- The queue mixes languages and a query does not say its own, so both stemmers run on both sides; a word that one
-- stemmer leaves alone still matches as written. One definition for the stored column and a partner's own evidence,
-- so the two cannot drift apart.
CREATE FUNCTION varsel_search_vector(body text) RETURNS tsvector
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT to_tsvector('simple'::regconfig, body) || to_tsvector('english'::regconfig, body)
        || to_tsvector('danish'::regconfig, body) $$;

-- One search term (a word or a quoted phrase) in its three forms, any of which may match. The desk combines terms
-- itself (SearchQuery: and, or, -not) so that "-migrant" excludes every form of the word, not just one of them.
CREATE FUNCTION varsel_search_term(term text) RETURNS tsquery
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT phraseto_tsquery('simple'::regconfig, term) || phraseto_tsquery('english'::regconfig, term)
        || phraseto_tsquery('danish'::regconfig, term) $$;

DROP INDEX incident_search;
ALTER TABLE incident DROP COLUMN search;
ALTER TABLE incident ADD COLUMN search tsvector GENERATED ALWAYS AS (
    varsel_search_vector(coalesce(title, '') || ' ' || coalesce(payload ->> 'explanation', '') || ' '
        || coalesce(jsonb_path_query_array(payload, '$.evidence.signals[*].text')::text, ''))) STORED;
CREATE INDEX incident_search ON incident USING gin (search);

-- Platforms and languages come from partners as they write them ("TikTok", "pt-BR"); filters compare in lower case,
-- backed by expression indexes (categories, partner ids and rule ids are lower case by their contracts).
CREATE FUNCTION varsel_lower(items text[]) RETURNS text[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT ARRAY(SELECT lower(item) FROM unnest(items) AS item) $$;

CREATE INDEX incident_platforms_lower ON incident USING gin (varsel_lower(platforms));
CREATE INDEX incident_languages_lower ON incident USING gin (varsel_lower(languages));
