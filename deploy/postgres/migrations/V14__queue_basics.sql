-- The queue's daily basics (docs/desk.md, Daily use).

-- Saved searches: a queue filter (its query string) under a name, per user.
CREATE TABLE saved_search (
    username   text        NOT NULL REFERENCES app_user (username) ON DELETE CASCADE,
    name       text        NOT NULL CHECK (char_length(name) BETWEEN 1 AND 80),
    query      text        NOT NULL CHECK (char_length(query) <= 2000),
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (username, name)
);

-- The queue's "changed since" poll reads the newest store time every few seconds per open queue: an index answers
-- max(stored_at) without reading the table.
CREATE INDEX incident_stored_at ON incident (stored_at);
