-- The pipeline's latest word per rule (topic varsel.rules.precision, rule-precision.v1; docs/rules.md, "Feedback from
-- the desk"): hits and shadow hits it counted, the verdict counts it saw and whether it proposes shadow mode. The desk's
-- rule-precision page shows these beside its own verdict counts. A row is replaced only by a newer update.
CREATE TABLE rule_precision (
    rule_id     text        PRIMARY KEY,
    confirmed   bigint      NOT NULL CHECK (confirmed >= 0),
    dismissed   bigint      NOT NULL CHECK (dismissed >= 0),
    hits        bigint      NOT NULL CHECK (hits >= 0),
    shadow_hits bigint      NOT NULL CHECK (shadow_hits >= 0),
    proposal    text        CHECK (proposal IN ('shadow')),
    reason      text,
    updated_at  timestamptz NOT NULL
);
