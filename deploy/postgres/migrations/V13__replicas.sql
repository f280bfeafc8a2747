-- What two or more desk replicas on one database share (docs/operations.md, Running several desk replicas).

-- When each scheduled job (retention purge, feed polls, pipeline progress, erasure re-check) last ran and on which
-- replica: a replica runs a job only while it holds the job's advisory lock and only when the last run, by any
-- replica, is a period ago (ClusterSingleton).
CREATE TABLE scheduled_job (
    job         text        PRIMARY KEY,
    last_run_at timestamptz,
    replica     text
);

-- Token buckets of the rate limits (sign-in per user and per address, intake per partner), so that a limit holds
-- across replicas behind a load balancer rather than per process. Rows of idle callers go with the retention purge.
CREATE TABLE rate_limit_bucket (
    limiter    text             NOT NULL,
    caller     text             NOT NULL,
    tokens     double precision NOT NULL,
    granted    boolean          NOT NULL,
    updated_at timestamptz      NOT NULL,
    PRIMARY KEY (limiter, caller)
);
CREATE INDEX rate_limit_bucket_by_age ON rate_limit_bucket (updated_at);
