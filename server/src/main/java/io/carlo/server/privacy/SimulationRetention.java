package io.carlo.server.privacy;

import io.carlo.server.audit.AuditActor;
import io.carlo.server.audit.AuditEvent;
import io.carlo.server.audit.AuditLog;
import io.carlo.server.simulations.ResultStore;
import io.carlo.server.simulations.SampleViews;
import io.carlo.server.storage.Timestamps;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes finished simulations older than {@code carlo.retention.simulations}, with their results'
 * files, and records each deletion in its organization's audit log (actor SYSTEM). Every instance
 * runs it; two deleting the same simulation at once is harmless (the second deletes nothing).
 */
@Component
public class SimulationRetention {

    private static final Logger log = LoggerFactory.getLogger(SimulationRetention.class);
    private static final int BATCH = 500;

    private record Expired(UUID id, UUID organization) {
    }

    private final RetentionProperties retention;
    private final ResultStore results;
    private final SampleViews sampleViews;
    private final AuditLog audit;
    private final JdbcClient db;
    private final Clock clock;

    public SimulationRetention(RetentionProperties retention, ResultStore results, SampleViews sampleViews,
                               AuditLog audit, JdbcClient db, Clock clock) {
        this.retention = retention;
        this.results = results;
        this.sampleViews = sampleViews;
        this.audit = audit;
        this.db = db;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${carlo.retention.interval:1h}", initialDelayString = "PT5M")
    public void scheduled() {
        try {
            int deleted = run();
            if (deleted > 0) {
                log.info("retention: deleted {} simulations finished more than {} ago", deleted, retention.simulations());
            }
        } catch (RuntimeException e) {
            log.warn("retention: could not delete old simulations: {}", e.toString());
        }
    }

    /** Deletes what is past retention now; returns how many simulations went. */
    public int run() {
        if (retention.keepsSimulationsForever()) {
            return 0;
        }
        Instant cutoff = clock.instant().minus(retention.simulations());
        int total = 0;
        while (true) {
            List<Expired> batch = db.sql("""
                            select id, organization_id from simulations
                            where state in ('COMPLETED', 'FAILED', 'CANCELLED') and finished_at < ?
                            order by finished_at limit ?""")
                    .params(Timestamps.of(cutoff), BATCH)
                    .query((rs, n) -> new Expired(Timestamps.uuid(rs, "id"), Timestamps.uuid(rs, "organization_id")))
                    .list();
            for (Expired e : batch) {
                List<String> blobs = results.blobsOf(List.of(e.id()));
                boolean[] deleted = {false};
                audit.inTransaction(() -> {
                    deleted[0] = db.sql("delete from simulations where id = ?").param(e.id()).update() > 0;
                    if (deleted[0]) {
                        audit.record(AuditEvent.of(AuditActor.SYSTEM, "simulation.expire", "simulation", e.id())
                                .in(e.organization()).with("retention", retention.simulations()));
                    }
                });
                if (deleted[0]) {
                    sampleViews.evict(e.id());
                    results.deleteBlobs(blobs);
                    total++;
                }
            }
            if (batch.size() < BATCH) {
                return total;
            }
        }
    }
}
