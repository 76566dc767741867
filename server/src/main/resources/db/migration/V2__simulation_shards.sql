-- Iteration shards: a large simulation is split into ranges of iterations that several workers run
-- at once. Each shard has its own lease; the worker that completes the last one merges the shards'
-- samples (kept in the blob store until then) into the simulation's results. While its shards
-- run, the simulation row has no lease owner and a lease that does not expire.
create table simulation_shards (
    simulation_id    uuid not null references simulations (id) on delete cascade,
    shard            integer not null,
    first_iteration  bigint not null,
    iterations       bigint not null,
    state            varchar(20) not null, -- QUEUED, RUNNING, COMPLETED
    lease_owner      varchar(200),
    lease_expires_at timestamp with time zone,
    attempts         integer not null default 0,
    iterations_done  bigint not null default 0,
    rate             double precision,
    samples_blob     varchar(200),
    primary key (simulation_id, shard)
);
create index simulation_shards_claimable on simulation_shards (state, lease_expires_at);
