-- The audit log: an append-only record of who did what, when, from where.
--
-- Each organization's entries form a hash chain of their own (chain = the organization's id; entries
-- about no organization, such as a failed sign-in to an unknown address, chain under 'global'): an
-- entry's hash is SHA-256 of the previous entry's hash and the entry itself, so that changing,
-- inserting or removing an entry by direct SQL breaks the chain from there on, and the chain's head
-- (audit_chains) shows a removed tail. Chains per organization let the deletion of an organization
-- (the one sanctioned removal) take its whole chain without breaking anyone else's.
--
-- Entries hold ids, never names or e-mail addresses: the API shows a user's current e-mail address
-- by joining users, so that deleting an account leaves only an id that refers to no one. The client
-- address and user agent are personal data: an account's deletion erases them from its entries,
-- and client_digest (SHA-256 of both, which the hash covers) keeps the chain verifiable without them.
--
-- No foreign keys: an entry outlives the user, key or object it names.
create table audit_log (
    id              uuid primary key,
    chain           varchar(64) not null,
    seq             bigint not null,
    organization_id uuid,
    occurred_at     timestamp with time zone not null,
    actor_type      varchar(20) not null,   -- USER, API_KEY, SYSTEM, ANONYMOUS
    actor_user_id   uuid,                   -- the user, or the user who created the API key
    actor_key_id    uuid,                   -- the API key, when one made the request
    action          varchar(100) not null,  -- e.g. workbook.upload
    target_type     varchar(40),
    target_id       varchar(200),
    client_ip       varchar(100),
    user_agent      varchar(500),
    client_digest   varchar(64) not null,
    details         text not null,          -- JSON object of strings
    prev_hash       varchar(64) not null,
    hash            varchar(64) not null,
    unique (chain, seq)
);
create index audit_log_by_organization on audit_log (organization_id, occurred_at);
create index audit_log_by_actor on audit_log (actor_user_id);

-- The last entry of each chain; updating it serializes appends to one chain across instances.
create table audit_chains (
    chain     varchar(64) primary key,
    last_seq  bigint not null,
    last_hash varchar(64) not null
);
