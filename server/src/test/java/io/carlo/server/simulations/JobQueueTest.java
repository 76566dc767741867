package io.carlo.server.simulations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.carlo.server.CarloProperties;
import io.carlo.server.billing.PlanProperties;
import io.carlo.server.storage.Timestamps;
import io.carlo.server.testing.AdjustableClock;
import io.carlo.server.testing.RunningServer;
import io.carlo.server.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The queue against a real database: a server started with its workers off provides the schema
 * and the beans, and each test drives its own {@link JobQueue} with a clock it moves by hand (the
 * queue compares leases with that clock, so lease expiry needs no waiting). Runs on H2 and on
 * PostgreSQL (the subclasses).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class JobQueueTest {

    private static final Duration LEASE = Duration.ofSeconds(30);

    private TestDatabase database;
    private RunningServer server;
    private JdbcClient db;
    private Simulations simulations;
    private TransactionTemplate tx;
    // a clock the test moves: leases expire when the test says so, not after a wait
    private final AdjustableClock clock = new AdjustableClock(Instant.parse("2030-01-01T00:00:00Z"));
    private long created;

    abstract TestDatabase.Kind database();

    @BeforeAll
    void start() {
        database = TestDatabase.create(database());
        server = RunningServer.start(database, "--carlo.workers.enabled=false");
        db = server.bean(JdbcClient.class);
        simulations = server.bean(Simulations.class);
        tx = server.bean(TransactionTemplate.class);
    }

    @AfterAll
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @BeforeEach
    void emptyQueue() {
        // the queue spans every organization: each test starts with none queued or running
        db.sql("delete from simulations").update();
    }

    @Test
    void concurrentClaimersNeverTakeTheSameSimulation() throws Exception {
        JobQueue queue = queue(1_000, 3);
        List<UUID> organizations = List.of(organization(), organization(), organization());
        Set<UUID> queued = new HashSet<>();
        for (int i = 0; i < 90; i++) {
            queued.add(enqueue(organizations.get(i % organizations.size())));
        }
        int claimers = 4;
        Map<UUID, String> claimedBy = new ConcurrentHashMap<>();
        AtomicInteger doubleClaims = new AtomicInteger();
        CyclicBarrier together = new CyclicBarrier(claimers);
        ExecutorService pool = Executors.newFixedThreadPool(claimers);
        try {
            List<Future<Integer>> counts = new ArrayList<>();
            for (int w = 0; w < claimers; w++) {
                String worker = "worker-" + w;
                counts.add(pool.submit(() -> {
                    together.await(30, TimeUnit.SECONDS);
                    int mine = 0;
                    // an empty answer may only mean that the others hold every remaining row for now
                    while (true) {
                        Optional<SimulationRecord> job = queue.claim(worker);
                        if (job.isPresent()) {
                            mine++;
                            if (claimedBy.putIfAbsent(job.get().id(), worker) != null) {
                                doubleClaims.incrementAndGet();
                            }
                        } else if (queue.depth() == 0) {
                            return mine;
                        }
                    }
                }));
            }
            int total = 0;
            for (Future<Integer> count : counts) {
                total += count.get(60, TimeUnit.SECONDS);
            }
            assertThat(doubleClaims).hasValue(0);
            assertThat(total).isEqualTo(queued.size());
            assertThat(claimedBy.keySet()).isEqualTo(queued);
        } finally {
            pool.shutdownNow();
        }
        // a claim the claimer did not see would still show: every claim counts an attempt and names its owner
        for (UUID id : queued) {
            Row row = row(id);
            assertThat(row.state()).isEqualTo("RUNNING");
            assertThat(row.attempts()).as("attempts of %s", id).isEqualTo(1);
            assertThat(row.owner()).isEqualTo(claimedBy.get(id));
        }
        assertThat(queue.depth()).isZero();
    }

    @Test
    void aRowAnotherClaimerHoldsIsSkippedNotWaitedFor() throws Exception {
        JobQueue queue = queue(1_000, 3);
        UUID organization = organization();
        UUID held = enqueue(organization);
        UUID free = enqueue(organization);
        try (Connection other = server.bean(DataSource.class).getConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement lock = other.prepareStatement("select id from simulations where id = ? for update")) {
                lock.setObject(1, held);
                lock.executeQuery().close();
            }
            // without SKIP LOCKED this would wait for the other transaction (and time out); with it, the next row
            assertThat(queue.claim("w").map(SimulationRecord::id)).contains(free);
            assertThat(queue.claim("w")).as("the only row left is held").isEmpty();
            other.rollback();
        }
        assertThat(queue.claim("w").map(SimulationRecord::id)).contains(held);
    }

    @Test
    void anOrganizationsLongQueueDoesNotHoldBackAnotherOrganization() {
        JobQueue queue = queue(1_000, 3);
        UUID busy = organization();
        UUID other = organization();
        for (int i = 0; i < 100; i++) {
            enqueue(busy);
        }
        UUID single = enqueue(other); // queued after all of the busy organization's

        List<UUID> firstTwo = List.of(queue.claim("w").orElseThrow().organizationId(),
                queue.claim("w").orElseThrow().organizationId());

        assertThat(firstTwo).containsExactly(busy, other);
        assertThat(row(single).state()).isEqualTo("RUNNING");
        assertThat(queue.depth()).isEqualTo(99);
    }

    @Test
    void anOrganizationRunsAtMostItsLimitWhileOthersStillRun() {
        JobQueue queue = queue(2, 3);
        UUID limited = organization();
        UUID first = enqueue(limited);
        UUID second = enqueue(limited);
        UUID third = enqueue(limited);

        assertThat(queue.claim("a").map(SimulationRecord::id)).contains(first);
        assertThat(queue.claim("b").map(SimulationRecord::id)).contains(second);
        assertThat(queue.claim("c")).as("a third run of the same organization").isEmpty();
        assertThat(row(third).state()).isEqualTo("QUEUED");

        UUID elsewhere = enqueue(organization());
        assertThat(queue.claim("c").map(SimulationRecord::id)).contains(elsewhere);
        assertThat(queue.claim("d")).isEmpty();

        assertThat(queue.complete(first, "a", 1000, 1.0, () -> { })).isTrue();
        assertThat(queue.claim("d").map(SimulationRecord::id)).as("a place became free").contains(third);
    }

    @Test
    void anOrganizationsPlanBoundsItsRunsWithinTheServersLimitAndItsOtherRunsWait() {
        JobQueue queue = queue(2, 3);
        UUID free = organization();
        db.sql("update organizations set plan = 'FREE' where id = ?").param(free).update(); // 1 run at a time
        UUID first = enqueue(free);
        UUID second = enqueue(free);

        assertThat(queue.claim("a").map(SimulationRecord::id)).contains(first);
        assertThat(queue.claim("b")).as("a second run of a Free organization").isEmpty();
        assertThat(row(second).state()).isEqualTo("QUEUED");

        // a plan change applies to the next claim: Team allows 4, the server's own limit (2) still holds
        db.sql("update organizations set plan = 'TEAM' where id = ?").param(free).update();
        UUID third = enqueue(free);
        assertThat(queue.claim("b").map(SimulationRecord::id)).contains(second);
        assertThat(queue.claim("c")).as("the server's limit of 2").isEmpty();

        assertThat(queue.complete(first, "a", 1000, 1.0, () -> { })).isTrue();
        assertThat(queue.claim("c").map(SimulationRecord::id)).as("a place became free").contains(third);
    }

    @Test
    void aRunWhoseLeaseExpiredIsTakenOverAndItsFormerHolderCanNoLongerWrite() {
        JobQueue queue = queue(2, 3);
        UUID id = enqueue(organization());
        assertThat(queue.claim("dead").orElseThrow().attempts()).isEqualTo(1);

        clock.advance(LEASE.minusSeconds(1));
        assertThat(queue.claim("other")).as("the lease still holds").isEmpty();
        clock.advance(Duration.ofSeconds(2));
        SimulationRecord taken = queue.claim("other").orElseThrow();
        assertThat(taken.id()).isEqualTo(id);
        assertThat(taken.attempts()).isEqualTo(2);
        assertThat(taken.leaseOwner()).isEqualTo("other");
        assertThat(taken.leaseExpiresAt()).isEqualTo(clock.instant().plus(LEASE));

        // the first holder comes back from its pause: none of its writes may land
        assertThat(queue.heartbeat(id, "dead", 500, 10.0, "simulating").owned()).isFalse();
        AtomicInteger inserted = new AtomicInteger();
        assertThat(queue.complete(id, "dead", 1000, 10.0, () -> {
            insertResults(id);
            inserted.incrementAndGet();
        })).isFalse();
        assertThat(inserted).hasValue(0);
        assertThat(queue.fail(id, "dead", "boom")).isFalse();
        assertThat(queue.cancelled(id, "dead")).isFalse();
        assertThat(queue.release(id, "dead")).isFalse();
        Row row = row(id);
        assertThat(row.state()).isEqualTo("RUNNING");
        assertThat(row.owner()).isEqualTo("other");
        assertThat(row.attempts()).isEqualTo(2);
        assertThat(row.iterationsDone()).isZero();
        assertThat(resultRows(id)).isZero();

        // the new holder's writes do land
        assertThat(queue.heartbeat(id, "other", 600, 12.0, "simulating")).isEqualTo(new JobQueue.Heartbeat(true, false));
        assertThat(queue.complete(id, "other", 1000, 12.0, () -> insertResults(id))).isTrue();
        assertThat(row(id).state()).isEqualTo("COMPLETED");
        assertThat(row(id).owner()).isNull();
        assertThat(resultRows(id)).isEqualTo(1);
    }

    @Test
    void heartbeatsKeepTheLeaseAndCarryCancellation() {
        JobQueue queue = queue(2, 3);
        UUID organization = organization();
        UUID id = enqueue(organization);
        queue.claim("holder").orElseThrow();

        for (int i = 0; i < 4; i++) { // well past the first lease, renewed each time
            clock.advance(LEASE.multipliedBy(2).dividedBy(3));
            assertThat(queue.heartbeat(id, "holder", 100L * i, 5.0, "simulating"))
                    .isEqualTo(new JobQueue.Heartbeat(true, false));
            assertThat(queue.claim("thief")).isEmpty();
        }
        assertThat(row(id).iterationsDone()).isEqualTo(300);

        assertThat(simulations.requestCancel(organization, id)).isTrue();
        assertThat(queue.heartbeat(id, "holder", 400, 5.0, "simulating")).isEqualTo(new JobQueue.Heartbeat(true, true));
        assertThat(queue.cancelled(id, "holder")).isTrue();
        assertThat(row(id).state()).isEqualTo("CANCELLED");
    }

    @Test
    void afterTheLastAttemptReapFailsTheRunWithAClearMessage() {
        JobQueue queue = queue(2, 2);
        UUID id = enqueue(organization());
        UUID healthy = enqueue(organization());
        queue.claim("first").orElseThrow();
        queue.claim("healthy").orElseThrow();
        clock.advance(LEASE.plusSeconds(1));
        assertThat(queue.heartbeat(healthy, "healthy", 1, null, "drawing").owned()).isTrue();
        queue.reap();
        assertThat(row(id).state()).as("one attempt of two used: it may be retried").isEqualTo("RUNNING");

        assertThat(queue.claim("second").orElseThrow().id()).isEqualTo(id);
        clock.advance(LEASE.plusSeconds(1));
        assertThat(queue.heartbeat(healthy, "healthy", 2, null, "drawing").owned()).isTrue();
        assertThat(queue.claim("third")).as("no attempt left").isEmpty();
        queue.reap();

        Row failed = row(id);
        assertThat(failed.state()).isEqualTo("FAILED");
        assertThat(failed.attempts()).isEqualTo(2);
        assertThat(failed.owner()).isNull();
        assertThat(failed.error()).contains("stopped its worker 2 times").contains("try fewer iterations");
        assertThat(row(healthy).state()).as("a run whose lease holds is left alone").isEqualTo("RUNNING");
    }

    @Test
    void reapCancelsARunCancelledWhileItsWorkerWasDead() {
        JobQueue queue = queue(2, 3);
        UUID organization = organization();
        UUID id = enqueue(organization);
        queue.claim("dead").orElseThrow();
        simulations.requestCancel(organization, id);
        clock.advance(LEASE.plusSeconds(1));
        assertThat(queue.claim("other")).as("nobody takes over a cancelled run").isEmpty();
        queue.reap();
        assertThat(row(id).state()).isEqualTo("CANCELLED");
    }

    @Test
    void aReleasedRunGoesBackToTheQueueWithoutUsingAnAttempt() {
        JobQueue queue = queue(2, 3);
        UUID id = enqueue(organization());
        queue.claim("leaving").orElseThrow();
        queue.heartbeat(id, "leaving", 700, 50.0, "simulating");
        assertThat(queue.release(id, "stranger")).isFalse();

        assertThat(queue.release(id, "leaving")).isTrue();
        Row row = row(id);
        assertThat(row.state()).isEqualTo("QUEUED");
        assertThat(row.owner()).isNull();
        assertThat(row.attempts()).isZero();
        assertThat(row.iterationsDone()).isZero();
        assertThat(queue.release(id, "leaving")).as("released once").isFalse();

        SimulationRecord again = queue.claim("next").orElseThrow(); // at once: no lease to wait for
        assertThat(again.id()).isEqualTo(id);
        assertThat(again.attempts()).isEqualTo(1);
    }

    @Test
    void completionAndItsResultsAreOneTransaction() {
        JobQueue queue = queue(2, 3);
        UUID id = enqueue(organization());
        queue.claim("w").orElseThrow();
        assertThatThrownBy(() -> queue.complete(id, "w", 1000, 1.0, () -> {
            throw new IllegalStateException("the results could not be stored");
        })).hasMessageContaining("could not be stored");
        assertThat(row(id).state()).isEqualTo("RUNNING");
        assertThat(row(id).owner()).isEqualTo("w");
    }

    @Test
    void depthCountsTheQueuedSimulations() {
        JobQueue queue = queue(1_000, 3);
        assertThat(queue.depth()).isZero();
        UUID a = organization();
        UUID b = organization();
        enqueue(a);
        enqueue(a);
        UUID third = enqueue(b);
        assertThat(queue.depth()).isEqualTo(3);
        SimulationRecord claimed = queue.claim("w").orElseThrow();
        assertThat(queue.depth()).isEqualTo(2);
        queue.release(claimed.id(), "w");
        assertThat(queue.depth()).isEqualTo(3);
        assertThat(simulations.cancelQueued(b, third, clock.instant())).isTrue();
        assertThat(queue.depth()).isEqualTo(2);
    }

    // ---- fixtures

    private JobQueue queue(int maxConcurrentPerOrganization, int maxAttempts) {
        // the server's own settings, bound again with this test's overrides (so this test names no other setting)
        List<ConfigurationPropertySource> sources = new ArrayList<>();
        sources.add(new MapConfigurationPropertySource(Map.of("carlo.workers.enabled", "true",
                "carlo.workers.lease", LEASE.toString(), "carlo.workers.max-attempts", String.valueOf(maxAttempts),
                "carlo.simulations.max-concurrent-per-organization", String.valueOf(maxConcurrentPerOrganization))));
        ConfigurationPropertySources.get(server.context().getEnvironment()).forEach(sources::add);
        CarloProperties properties = new Binder(sources).bindOrCreate("carlo", CarloProperties.class);
        PlanProperties plans = new Binder(sources).bindOrCreate("carlo.plans", PlanProperties.class);
        return new JobQueue(db, simulations, tx, properties, clock, new Shards(db, simulations, properties), plans);
    }

    private UUID organization() {
        UUID id = UUID.randomUUID();
        db.sql("insert into organizations (id, name, created_at) values (?, ?, ?)")
                .params(id, "org " + id, Timestamps.of(clock.instant())).update();
        db.sql("""
                insert into workbooks (id, organization_id, name, size_bytes, sha256, created_at, summary)
                values (?, ?, 'model.xlsx', 1, 'x', ?, '{}')""")
                .params(id, id, Timestamps.of(clock.instant())).update(); // the workbook shares its organization's id
        return id;
    }

    private UUID enqueue(UUID organization) {
        UUID id = UUID.randomUUID();
        SimulationSpec spec = new SimulationSpec(organization, null, List.of(), List.of(), 1000L, 1L, "lhs", null,
                null, null, null);
        // strictly increasing creation times, so that "older first" is well defined
        Instant createdAt = clock.instant().minus(1, ChronoUnit.HOURS).plus(++created, ChronoUnit.MILLIS);
        simulations.insert(new SimulationRecord(id, organization, organization, null, null, SimulationState.QUEUED,
                spec, 1000, 1, "lhs", createdAt, null, null, 0, null, null, null, false, null, null, 0));
        return id;
    }

    private void insertResults(UUID id) {
        db.sql("""
                insert into simulation_results (simulation_id, summary, manifest, samples_blob, samples_bytes, created_at)
                values (?, '{}', '{}', 'none', 0, ?)""").params(id, Timestamps.of(clock.instant())).update();
    }

    private long resultRows(UUID id) {
        return db.sql("select count(*) from simulation_results where simulation_id = ?").param(id).query(Long.class)
                .single();
    }

    private record Row(String state, String owner, int attempts, long iterationsDone, String error) {
    }

    private Row row(UUID id) {
        return db.sql("select state, lease_owner, attempts, iterations_done, error from simulations where id = ?")
                .param(id).query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getLong(4),
                        rs.getString(5))).single();
    }
}
