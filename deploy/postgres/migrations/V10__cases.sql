-- Cases: the notices sent to one platform about one incident (or campaign), what the platform did with them, and the
-- desk's own re-checks of the reported URLs. A download alone is no notice: a brief counts as sent only once an analyst
-- marks it so (a 'sent' event naming it). Events are only added; the case row carries the latest status.

CREATE TABLE notice_case (
    id          text        PRIMARY KEY CHECK (id ~ '^case-[0-9a-f-]{36}$'),
    incident_id text        NOT NULL,
    platform    text        NOT NULL,
    status      text        NOT NULL CHECK (status IN ('sent', 'acknowledged', 'actioned', 'appealed', 'closed')),
    outcome     text        CHECK (outcome IN ('removed', 'restricted', 'labelled', 'no-action')),
    opened_by   text        NOT NULL,
    opened_at   timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (incident_id, platform)
);

CREATE INDEX notice_case_open ON notice_case (status) WHERE status <> 'closed';

CREATE TABLE case_event (
    id          bigserial   PRIMARY KEY,
    case_id     text        NOT NULL REFERENCES notice_case (id),
    status      text        NOT NULL CHECK (status IN ('sent', 'acknowledged', 'actioned', 'appealed', 'closed')),
    outcome     text        CHECK (outcome IN ('removed', 'restricted', 'labelled', 'no-action')),
    -- the brief a 'sent' event sent
    brief_id    text        REFERENCES brief (id),
    note        text        CHECK (length(note) <= 2000),
    -- when it happened: the notice went out, or the platform answered (a date alone is midnight UTC)
    happened_at timestamptz NOT NULL,
    recorded_by text        NOT NULL,
    recorded_at timestamptz NOT NULL DEFAULT now(),
    CHECK ((status = 'sent') = (brief_id IS NOT NULL))
);

CREATE INDEX case_event_by_case ON case_event (case_id, id);
-- a brief about several incidents opens one case per incident; each case names it once
CREATE UNIQUE INDEX case_event_sent_once ON case_event (brief_id, case_id) WHERE brief_id IS NOT NULL;

CREATE TABLE url_check (
    id          bigserial   PRIMARY KEY,
    case_id     text        NOT NULL REFERENCES notice_case (id),
    url         text        NOT NULL,
    -- the HTTP status the URL answered with (redirects are not followed); null when it could not be fetched
    http_status int,
    error       text,
    checked_at  timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX url_check_by_case ON url_check (case_id, url, checked_at DESC);

-- platforms also label content instead of removing or restricting it
ALTER TABLE brief_response DROP CONSTRAINT brief_response_action_check;
ALTER TABLE brief_response ADD CONSTRAINT brief_response_action_check
    CHECK (action IN ('received', 'removed', 'restricted', 'labelled', 'no-action'));
