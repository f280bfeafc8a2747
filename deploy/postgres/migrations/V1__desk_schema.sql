-- The desk's database: the incident queue, who may read it, and what the desk could not take.
-- The desk is the only writer. Later changes go in new files (V2__...); never edit an applied one.

CREATE TABLE partner (
    id          text        PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
    name        text        NOT NULL,
    contact     text,
    allowed_tlp text        NOT NULL DEFAULT 'GREEN'
                            CHECK (allowed_tlp IN ('CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED')),
    active      boolean     NOT NULL DEFAULT true,
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE app_user (
    username      text        PRIMARY KEY CHECK (username ~ '^[a-z0-9][a-z0-9._-]{0,62}$'),
    -- self-describing PBKDF2 string: pbkdf2-sha256$<iterations>$<salt>$<hash>
    password_hash text        NOT NULL,
    role          text        NOT NULL CHECK (role IN ('analyst', 'lead', 'admin', 'partner')),
    partner_id    text        REFERENCES partner (id),
    created_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT partner_users_belong_to_a_partner CHECK ((role = 'partner') = (partner_id IS NOT NULL))
);

CREATE TABLE api_token (
    -- SHA-256 (hex) of the token; the token itself is shown once and never stored
    token_hash text        PRIMARY KEY CHECK (token_hash ~ '^[0-9a-f]{64}$'),
    username   text        REFERENCES app_user (username),
    partner_id text        REFERENCES partner (id),
    label      text        NOT NULL DEFAULT '',
    created_at timestamptz NOT NULL DEFAULT now(),
    revoked_at timestamptz,
    CONSTRAINT token_has_one_owner CHECK (num_nonnulls(username, partner_id) = 1)
);

CREATE TABLE incident (
    id                text        PRIMARY KEY,
    version           bigint      NOT NULL CHECK (version >= 1),
    kind              text        NOT NULL,
    tier              text        NOT NULL,
    -- the queue order of tiers (threat to life first); their names do not sort that way
    tier_rank         smallint    GENERATED ALWAYS AS (
                                      CASE tier
                                          WHEN 'threat-to-life' THEN 0
                                          WHEN 'crisis' THEN 1
                                          WHEN 'high' THEN 2
                                          WHEN 'medium' THEN 3
                                          ELSE 4
                                      END) STORED,
    severity          int         NOT NULL CHECK (severity BETWEEN 0 AND 100),
    tlp               text        NOT NULL,
    title             text,
    first_seen        timestamptz NOT NULL,
    last_seen         timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL,
    signal_count      int         NOT NULL,
    account_count     int         NOT NULL,
    sources           text[]      NOT NULL DEFAULT '{}',
    platforms         text[]      NOT NULL DEFAULT '{}',
    categories        text[]      NOT NULL DEFAULT '{}',
    languages         text[]      NOT NULL DEFAULT '{}',
    -- the latest incident.v1 update as received; the columns above are copies for querying
    payload           jsonb       NOT NULL,
    -- analyst-owned: the pipeline's updates never touch these
    status            text        NOT NULL DEFAULT 'new'
                                  CHECK (status IN ('new', 'acknowledged', 'escalated', 'dismissed', 'resolved')),
    assignee          text        REFERENCES app_user (username),
    received_at       timestamptz NOT NULL DEFAULT now(),
    status_changed_at timestamptz
);

CREATE INDEX incident_queue_order ON incident (tier_rank, severity DESC, last_seen DESC, id);
CREATE INDEX incident_newest_first ON incident (last_seen DESC, id);
CREATE INDEX incident_status ON incident (status);
CREATE INDEX incident_sources ON incident USING gin (sources);

CREATE TABLE rejected_message (
    id              bigserial   PRIMARY KEY,
    topic           text        NOT NULL,
    kafka_partition int         NOT NULL,
    kafka_offset    bigint      NOT NULL,
    reason          text        NOT NULL,
    record_key      bytea,
    original        bytea,
    received_at     timestamptz NOT NULL DEFAULT now(),
    -- a redelivered record (offsets not yet committed) is kept once
    CONSTRAINT rejected_once UNIQUE (topic, kafka_partition, kafka_offset)
);
