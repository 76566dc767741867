package io.carlo.server.workbooks;

import io.carlo.server.storage.SealedFields;
import io.carlo.server.storage.Timestamps;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The workbooks table; every query is scoped by organization. */
@Repository
public class Workbooks {

    private final JdbcClient db;
    private final JsonMapper json;
    private final RowMapper<WorkbookRecord> mapper;

    /** The summary column is encrypted (it names the workbook's sheets, cells and formulas). */
    public static final String SUMMARY = "workbooks.summary";

    private final SealedFields fields;

    public Workbooks(JdbcClient db, JsonMapper json, SealedFields fields) {
        this.db = db;
        this.json = json;
        this.fields = fields;
        this.mapper = (rs, n) -> {
            UUID id = Timestamps.uuid(rs, "id");
            return new WorkbookRecord(id, Timestamps.uuid(rs, "organization_id"),
                    rs.getString("name"), rs.getLong("size_bytes"), rs.getString("sha256"),
                    Timestamps.uuid(rs, "uploaded_by"), Timestamps.instant(rs, "created_at"),
                    json.readValue(fields.open(SUMMARY, id, rs.getString("summary")), WorkbookSummary.class));
        };
    }

    public void insert(WorkbookRecord w) {
        db.sql("""
                insert into workbooks (id, organization_id, name, size_bytes, sha256, uploaded_by, created_at, summary)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(w.id(), w.organizationId(), w.name(), w.sizeBytes(), w.sha256(), w.uploadedBy(),
                        Timestamps.of(w.createdAt()), fields.seal(SUMMARY, w.id(), json.writeValueAsString(w.summary())))
                .update();
    }

    public Optional<WorkbookRecord> find(UUID organization, UUID id) {
        return db.sql("select * from workbooks where organization_id = ? and id = ?").params(organization, id)
                .query(mapper).optional();
    }

    public List<WorkbookRecord> list(UUID organization, int limit, int offset) {
        return db.sql("select * from workbooks where organization_id = ? order by created_at desc, id limit ? offset ?")
                .params(organization, limit, offset).query(mapper).list();
    }

    public boolean delete(UUID organization, UUID id) {
        return db.sql("delete from workbooks where organization_id = ? and id = ?").params(organization, id).update() > 0;
    }
}
