-- The register of erasure requests (docs/privacy.md, Erasure): who asked the desk to erase whom and when, and how far
-- each store that can hold the person's data has got.

CREATE TABLE erasure_request (
    id           bigserial   PRIMARY KEY,
    requested_at timestamptz NOT NULL DEFAULT now(),
    requested_by text        NOT NULL,
    subject_kind text        NOT NULL CHECK (subject_kind IN ('handle', 'signal')),
    -- the handle and pseudonym(s), or the signal id: the desk erases them again while other stores may bring them
    -- back (pipeline state, a rebuild from the incidents topic); emptied once every store is done
    subjects     text[]      NOT NULL,
    status       text        NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done')),
    done_at      timestamptz
);
CREATE INDEX erasure_request_open ON erasure_request (id) WHERE status = 'open';

-- One row per store and request: 'erased' (the desk's tables), 'pending' (the store's bound is not known yet),
-- 'expires' (its retention removes the data by due_at), 'expired' (due_at has passed), 'unbounded' (the store keeps
-- data without a time limit: an operator must act; the request stays open).
CREATE TABLE erasure_store (
    request_id bigint      NOT NULL REFERENCES erasure_request ON DELETE CASCADE,
    store      text        NOT NULL,
    status     text        NOT NULL CHECK (status IN ('erased', 'pending', 'expires', 'expired', 'unbounded')),
    due_at     timestamptz,
    detail     text,
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (request_id, store)
);
