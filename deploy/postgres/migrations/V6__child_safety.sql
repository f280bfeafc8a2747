-- Child safety (docs/child-safety.md). The hotline track: signals labelled csam, kept as URL and metadata only.
-- There is deliberately no column for text, media, author display name or the original bytes: nothing else can
-- be stored here. (V6, not V5: V5 is left to the retention work on another branch.)

CREATE TABLE hotline_report (
    signal_id     text        PRIMARY KEY,
    source        text        NOT NULL,
    external_id   text        NOT NULL,
    kind          text,
    url           text        NOT NULL CHECK (url ~* '^https?://[^\s]+$'),
    platform      text,
    author_handle text,
    author_id     text,
    language      text,
    tlp           text        NOT NULL,
    confidence    int,
    observed_at   timestamptz NOT NULL,
    received_at   timestamptz NOT NULL DEFAULT now(),
    -- set when a hotline export first included the report
    exported_at   timestamptz
);

CREATE INDEX hotline_report_received ON hotline_report (received_at, signal_id);
