-- Escalation briefs: every brief the desk produced (who sent what to whom, and the SHA-256 of its bytes), and what
-- the platforms answered per URL. Rows are only ever added: this is the record a transparency report is built from.

CREATE TABLE brief (
    id           text        PRIMARY KEY CHECK (id ~ '^brf-[0-9a-f-]{36}$'),
    incident_ids text[]      NOT NULL CHECK (cardinality(incident_ids) >= 1),
    sha256       text        NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    format       text        NOT NULL CHECK (format IN ('md', 'html', 'pdf', 'json', 'stix')),
    track        text        NOT NULL CHECK (track IN ('dsa', 'tos')),
    -- platform:<name> or partner:<id>
    audience     text        NOT NULL CHECK (audience ~ '^(platform|partner):[a-z0-9][a-z0-9._-]{0,62}$'),
    -- the platform a notice went to; null for briefs to partners
    platform     text,
    -- the most restrictive marking the brief carried (never RED)
    tlp          text        NOT NULL CHECK (tlp IN ('CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT')),
    categories   text[]      NOT NULL DEFAULT '{}',
    -- the exact URLs the brief reported; responses are recorded against these
    urls         text[]      NOT NULL DEFAULT '{}',
    size_bytes   int         NOT NULL CHECK (size_bytes > 0),
    created_by   text        NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX brief_notices ON brief (created_at) WHERE platform IS NOT NULL;
CREATE INDEX brief_incidents ON brief USING gin (incident_ids);

CREATE TABLE brief_response (
    id           bigserial   PRIMARY KEY,
    brief_id     text        NOT NULL REFERENCES brief (id),
    url          text        NOT NULL,
    action       text        NOT NULL CHECK (action IN ('received', 'removed', 'restricted', 'no-action')),
    -- when the platform answered (a date alone is stored as midnight UTC)
    responded_at timestamptz NOT NULL,
    recorded_by  text        NOT NULL,
    recorded_at  timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX brief_response_by_brief ON brief_response (brief_id, url);
