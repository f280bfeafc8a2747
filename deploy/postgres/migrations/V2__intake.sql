-- Signal intake: a receipt per signal taken from a partner or a feed (what makes a replay harmless), and the
-- dead letters the pipeline reported back, so a partner can see what became of its signals.

CREATE TABLE signal_receipt (
    source       text        NOT NULL,
    external_id  text        NOT NULL,
    -- derived from (source, external_id): SignalIds.of
    signal_id    text        NOT NULL UNIQUE,
    -- SHA-256 of the signal as parsed (not of its bytes): a replay with other whitespace is the same signal
    fingerprint  text        NOT NULL CHECK (fingerprint ~ '^[0-9a-f]{64}$'),
    tlp          text        NOT NULL,
    observed_at  timestamptz NOT NULL,
    received_at  timestamptz NOT NULL DEFAULT now(),
    -- set once Kafka acknowledged the record; a receipt without it was never confirmed to anyone and is sent again
    published_at timestamptz,
    -- cursor for listing a source's signals in the order they arrived
    seq          bigserial   NOT NULL,
    PRIMARY KEY (source, external_id)
);

CREATE INDEX signal_receipt_by_source ON signal_receipt (source, seq);

CREATE TABLE signal_dead_letter (
    kafka_partition int         NOT NULL,
    kafka_offset    bigint      NOT NULL,
    source          text,
    -- null when the original bytes name no external_id (the sender then cannot ask about it by id either)
    signal_id       text,
    reason          text        NOT NULL,
    failed_at       timestamptz NOT NULL,
    stored_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (kafka_partition, kafka_offset)
);

CREATE INDEX signal_dead_letter_by_signal ON signal_dead_letter (signal_id);
