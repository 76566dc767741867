-- Rate-limit buckets shared by every instance: Bucket4j's PostgreSQL proxy manager keeps one row
-- per limited subject (an API key, a user, a client address), its state serialized by Bucket4j,
-- and deletes a row once the bucket would be full again (expires_at, epoch milliseconds). With the
-- embedded database the buckets live in the process's memory and this table stays empty.
create table rate_limit_buckets (
    id         varchar(200) primary key,
    state      bytea,
    expires_at bigint
);
create index rate_limit_buckets_expiry on rate_limit_buckets (expires_at);

-- Failed sign-ins of one (account, client address) pair, for the brute-force lock-out. The key is
-- a SHA-256 of both, so that the table holds neither an e-mail address nor a client address.
create table login_failures (
    pair_hash       varchar(64) primary key,
    failures        integer not null,
    last_failure_at timestamp with time zone not null,
    blocked_until   timestamp with time zone
);
create index login_failures_last_failure on login_failures (last_failure_at);
