package io.carlo.server.simulations;

import io.carlo.server.storage.Timestamps;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The simulations table, as the API sees it: every read is scoped by organization. The queue's side is {@link JobQueue}. */
@Repository
public class Simulations {

    private final JdbcClient db;
    private final JsonMapper json;
    private final RowMapper<SimulationRecord> mapper;

    public Simulations(JdbcClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
        this.mapper = (rs, n) -> new SimulationRecord(Timestamps.uuid(rs, "id"), Timestamps.uuid(rs, "organization_id"),
                Timestamps.uuid(rs, "workbook_id"), Timestamps.uuid(rs, "created_by"), rs.getString("name"),
                SimulationState.valueOf(rs.getString("state")), json.readValue(rs.getString("spec"), SimulationSpec.class),
                rs.getLong("iterations"), rs.getLong("seed"), rs.getString("sampling"),
                Timestamps.instant(rs, "created_at"), Timestamps.instant(rs, "started_at"),
                Timestamps.instant(rs, "finished_at"), rs.getLong("iterations_done"),
                (Double) rs.getObject("rate", Double.class), rs.getString("phase"), rs.getString("error"),
                rs.getBoolean("cancel_requested"), rs.getString("lease_owner"),
                Timestamps.instant(rs, "lease_expires_at"), rs.getInt("attempts"));
    }

    RowMapper<SimulationRecord> mapper() {
        return mapper;
    }

    public void insert(SimulationRecord s) {
        db.sql("""
                insert into simulations (id, organization_id, workbook_id, created_by, name, state, spec, iterations, seed,
                                         sampling, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(s.id(), s.organizationId(), s.workbookId(), s.createdBy(), s.name(), s.state().name(),
                        json.writeValueAsString(s.spec()), s.iterations(), s.seed(), s.sampling(),
                        Timestamps.of(s.createdAt()))
                .update();
    }

    public Optional<SimulationRecord> find(UUID organization, UUID id) {
        return db.sql("select * from simulations where organization_id = ? and id = ?").params(organization, id)
                .query(mapper).optional();
    }

    /** Newest first; optionally only one workbook's or one state's. */
    public List<SimulationRecord> list(UUID organization, UUID workbook, SimulationState state, int limit, int offset) {
        StringBuilder sql = new StringBuilder("select * from simulations where organization_id = ?");
        List<Object> params = new ArrayList<>(List.of(organization));
        if (workbook != null) {
            sql.append(" and workbook_id = ?");
            params.add(workbook);
        }
        if (state != null) {
            sql.append(" and state = ?");
            params.add(state.name());
        }
        sql.append(" order by created_at desc, id limit ? offset ?");
        params.add(limit);
        params.add(offset);
        return db.sql(sql.toString()).params(params).query(mapper).list();
    }

    /** Cancels a simulation still in the queue; false when a worker took it meanwhile. */
    public boolean cancelQueued(UUID organization, UUID id, Instant now) {
        return db.sql("""
                update simulations set state = 'CANCELLED', finished_at = ?, cancel_requested = true
                where organization_id = ? and id = ? and state = 'QUEUED'""")
                .params(Timestamps.of(now), organization, id).update() > 0;
    }

    /** Asks the worker running a simulation to stop; it sees the request at its next heartbeat. */
    public boolean requestCancel(UUID organization, UUID id) {
        return db.sql("""
                update simulations set cancel_requested = true
                where organization_id = ? and id = ? and state = 'RUNNING'""").params(organization, id).update() > 0;
    }

    public boolean delete(UUID organization, UUID id) {
        return db.sql("delete from simulations where organization_id = ? and id = ? and state not in ('QUEUED', 'RUNNING')")
                .params(organization, id).update() > 0;
    }

    /** The current rows of several simulations at once, for the progress streams (any organization: ids come from checked subscriptions). */
    public List<SimulationRecord> current(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        String marks = String.join(", ", java.util.Collections.nCopies(ids.size(), "?"));
        return db.sql("select * from simulations where id in (" + marks + ")").params(new ArrayList<>(ids))
                .query(mapper).list();
    }
}
