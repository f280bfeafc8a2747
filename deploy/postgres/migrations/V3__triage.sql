-- Triage: the analysts' workflow, sessions, audit, verdicts fed back to detection, and queue search.
-- Analyst-owned state lives in its own columns and tables; the pipeline's upsert never touches them.

-- The triage workflow: new → triaging → confirmed | dismissed → escalated → closed (transitions enforced in code).
ALTER TABLE incident DROP CONSTRAINT IF EXISTS incident_status_check;
UPDATE incident SET status = 'triaging' WHERE status = 'acknowledged';
UPDATE incident SET status = 'closed' WHERE status = 'resolved';
ALTER TABLE incident ADD CONSTRAINT incident_status_check
    CHECK (status IN ('new', 'triaging', 'confirmed', 'dismissed', 'escalated', 'closed'));
ALTER TABLE incident ADD COLUMN status_reason text;

-- Full-text search over what an analyst reads: title, explanation and the evidence signals' text.
-- 'simple' keeps every language searchable (the queue mixes Danish, English and more) at the cost of stemming.
ALTER TABLE incident ADD COLUMN search tsvector GENERATED ALWAYS AS (
    to_tsvector('simple'::regconfig,
        coalesce(title, '') || ' ' || coalesce(payload ->> 'explanation', '') || ' '
        || coalesce(jsonb_path_query_array(payload, '$.evidence.signals[*].text')::text, ''))) STORED;
CREATE INDEX incident_search ON incident USING gin (search);
CREATE INDEX incident_categories ON incident USING gin (categories);
CREATE INDEX incident_platforms ON incident USING gin (platforms);
CREATE INDEX incident_languages ON incident USING gin (languages);
CREATE INDEX incident_rule_hits ON incident USING gin ((payload -> 'rule_hits') jsonb_path_ops);
-- related incidents share urls, hashtags or accounts
CREATE INDEX incident_urls ON incident USING gin ((payload -> 'urls'));
CREATE INDEX incident_hashtags ON incident USING gin ((payload -> 'hashtags'));
CREATE INDEX incident_accounts ON incident USING gin ((payload -> 'evidence' -> 'accounts'));
CREATE INDEX incident_assignee ON incident (assignee);
-- the queue is usually read one status at a time (new, triaging): keep that in queue order too
CREATE INDEX incident_status_queue_order ON incident (status, tier_rank, severity DESC, last_seen DESC, id);

-- Each pipeline version an incident went through, for its history (written by a trigger, not by Java code).
CREATE TABLE incident_revision (
    incident_id text        NOT NULL REFERENCES incident (id) ON DELETE CASCADE,
    version     bigint      NOT NULL,
    tier        text        NOT NULL,
    severity    int         NOT NULL,
    signal_count int        NOT NULL,
    stored_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (incident_id, version)
);

CREATE FUNCTION record_incident_revision() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' OR NEW.version IS DISTINCT FROM OLD.version THEN
        INSERT INTO incident_revision (incident_id, version, tier, severity, signal_count)
        VALUES (NEW.id, NEW.version, NEW.tier, NEW.severity, NEW.signal_count)
        ON CONFLICT DO NOTHING;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER incident_revision_on_store AFTER INSERT OR UPDATE OF version ON incident
    FOR EACH ROW EXECUTE FUNCTION record_incident_revision();

CREATE TABLE incident_comment (
    id          bigserial   PRIMARY KEY,
    incident_id text        NOT NULL REFERENCES incident (id) ON DELETE CASCADE,
    author      text        NOT NULL,
    body        text        NOT NULL CHECK (length(body) BETWEEN 1 AND 10000),
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX incident_comment_by_incident ON incident_comment (incident_id, created_at);

-- Every action by a person: who, when, what, before and after. Append-only (see the trigger below).
CREATE TABLE audit_event (
    id          bigserial   PRIMARY KEY,
    at          timestamptz NOT NULL DEFAULT clock_timestamp(),
    actor       text        NOT NULL,
    action      text        NOT NULL,
    incident_id text,
    before      jsonb,
    after       jsonb
);
CREATE INDEX audit_event_by_time ON audit_event (at DESC, id DESC);
CREATE INDEX audit_event_by_incident ON audit_event (incident_id, at);

CREATE FUNCTION audit_event_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_event is append-only';
END $$;
CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_is_append_only();

-- Verdicts (confirmed/dismissed) with what detection needs to learn from them; published_at is set once the
-- feedback message is on varsel.feedback (a transactional outbox: a verdict is never lost while Kafka is away).
CREATE TABLE verdict (
    id            bigserial   PRIMARY KEY,
    event_id      uuid        NOT NULL UNIQUE,
    incident_id   text        NOT NULL REFERENCES incident (id) ON DELETE CASCADE,
    incident_version bigint   NOT NULL,
    verdict       text        NOT NULL CHECK (verdict IN ('confirmed', 'dismissed')),
    reason        text,
    rule_ids      text[]      NOT NULL DEFAULT '{}',
    model_version text,
    categories    text[]      NOT NULL DEFAULT '{}',
    analyst       text        NOT NULL,
    decided_at    timestamptz NOT NULL DEFAULT now(),
    published_at  timestamptz
);
CREATE INDEX verdict_by_incident ON verdict (incident_id, decided_at DESC);
CREATE INDEX verdict_unpublished ON verdict (id) WHERE published_at IS NULL;

-- Browser sessions: only the SHA-256 of the cookie is stored, next to the CSRF synchronizer token.
CREATE TABLE app_session (
    id_hash     text        PRIMARY KEY CHECK (id_hash ~ '^[0-9a-f]{64}$'),
    username    text        NOT NULL REFERENCES app_user (username) ON DELETE CASCADE,
    csrf_token  text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    expires_at  timestamptz NOT NULL
);
CREATE INDEX app_session_expiry ON app_session (expires_at);

-- Reviewer wellness preferences.
ALTER TABLE app_user ADD COLUMN greyscale boolean NOT NULL DEFAULT false;
