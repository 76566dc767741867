-- Carlo's schema. It runs unchanged on PostgreSQL and on H2 in PostgreSQL mode (the embedded default).
-- Every object a customer owns hangs off an organization, so that every query can be scoped by it.

create table users (
    id            uuid primary key,
    email         varchar(320) not null unique,  -- lower-cased
    display_name  varchar(200) not null,
    password_hash varchar(255) not null,
    created_at    timestamp with time zone not null
);

create table organizations (
    id         uuid primary key,
    name       varchar(200) not null,
    created_at timestamp with time zone not null
);

create table memberships (
    organization_id uuid not null references organizations (id) on delete cascade,
    user_id         uuid not null references users (id) on delete cascade,
    role            varchar(20) not null,
    created_at      timestamp with time zone not null,
    primary key (organization_id, user_id)
);
create index memberships_by_user on memberships (user_id);

create table invitations (
    id              uuid primary key,
    organization_id uuid not null references organizations (id) on delete cascade,
    email           varchar(320) not null,
    role            varchar(20) not null,
    token_hash      varchar(64) not null unique,
    invited_by      uuid references users (id) on delete set null,
    created_at      timestamp with time zone not null,
    expires_at      timestamp with time zone not null,
    accepted_at     timestamp with time zone,
    accepted_by     uuid references users (id) on delete set null
);
create index invitations_by_organization on invitations (organization_id);

-- API keys: only a SHA-256 of the secret is kept; the secret is shown once, at creation.
create table api_keys (
    id              uuid primary key,
    organization_id uuid not null references organizations (id) on delete cascade,
    user_id         uuid not null references users (id) on delete cascade,
    name            varchar(200) not null,
    prefix          varchar(40) not null,
    key_hash        varchar(64) not null unique,
    role            varchar(20) not null,
    created_at      timestamp with time zone not null,
    last_used_at    timestamp with time zone,
    revoked_at      timestamp with time zone
);
create index api_keys_by_organization on api_keys (organization_id);

-- Browser sessions live in the database so that any instance serves them; the cookie's secret is hashed.
create table sessions (
    token_hash      varchar(64) primary key,
    user_id         uuid not null references users (id) on delete cascade,
    organization_id uuid references organizations (id) on delete set null,
    created_at      timestamp with time zone not null,
    last_seen_at    timestamp with time zone not null,
    expires_at      timestamp with time zone not null
);
create index sessions_by_user on sessions (user_id);

-- File contents when the store is the database (several instances); unused by the file-system store.
create table blobs (
    id         varchar(200) primary key,
    content    bytea not null,
    created_at timestamp with time zone not null
);

create table workbooks (
    id              uuid primary key,
    organization_id uuid not null references organizations (id) on delete cascade,
    name            varchar(255) not null,
    size_bytes      bigint not null,
    sha256          varchar(64) not null,
    uploaded_by     uuid references users (id) on delete set null,
    created_at      timestamp with time zone not null,
    summary         text not null -- the inspect summary, JSON
);
create index workbooks_by_organization on workbooks (organization_id, created_at);

-- The simulations and their queue: a worker claims a queued row (FOR UPDATE SKIP LOCKED) and holds a
-- lease on it that it renews while running; a row whose lease expired goes back to the queue.
create table simulations (
    id               uuid primary key,
    organization_id  uuid not null references organizations (id) on delete cascade,
    workbook_id      uuid not null references workbooks (id) on delete cascade,
    created_by       uuid references users (id) on delete set null,
    name             varchar(200),
    state            varchar(20) not null,
    spec             text not null, -- what was asked for, JSON
    iterations       bigint not null,
    seed             bigint not null,
    sampling         varchar(10) not null,
    created_at       timestamp with time zone not null,
    started_at       timestamp with time zone,
    finished_at      timestamp with time zone,
    iterations_done  bigint not null default 0,
    phase            varchar(20),   -- while running: drawing, simulating, analyzing, saving
    rate             double precision,
    error            text,
    cancel_requested boolean not null default false,
    lease_owner      varchar(200),
    lease_expires_at timestamp with time zone,
    attempts         integer not null default 0
);
create index simulations_queue on simulations (state, created_at);
create index simulations_by_organization on simulations (organization_id, created_at);
create index simulations_by_workbook on simulations (workbook_id);

-- A completed simulation's results: the statistics as JSON, the samples in the blob store.
create table simulation_results (
    simulation_id uuid primary key references simulations (id) on delete cascade,
    summary       text not null,
    manifest      text not null,
    samples_blob  varchar(200) not null,
    samples_bytes bigint not null,
    created_at    timestamp with time zone not null
);
