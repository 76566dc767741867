package db.migration;

import java.sql.Connection;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * On PostgreSQL, the database itself refuses to change or delete audit entries: a trigger rejects
 * every UPDATE, DELETE and TRUNCATE of {@code audit_log} unless the transaction has declared a
 * sanctioned erasure ({@code set_config('carlo.audit_erasure', 'on', true)}), which Carlo does only
 * when an organization is deleted (its entries go) or an account is deleted (its entries' client
 * address and user agent are erased, nothing else may change). The embedded H2 has no such trigger;
 * there, and against anyone able to drop a trigger, the hash chain shows what was changed.
 */
public class V5_1__AuditLogGuard extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        if (!c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres")) {
            return;
        }
        try (Statement s = c.createStatement()) {
            s.execute("""
                    create function audit_log_guard() returns trigger language plpgsql as $$
                    begin
                        if coalesce(current_setting('carlo.audit_erasure', true), '') = 'on' then
                            if tg_op = 'DELETE' then
                                return old;
                            end if;
                            if tg_op = 'UPDATE' and (new.id, new.chain, new.seq, new.organization_id, new.occurred_at,
                                    new.actor_type, new.actor_user_id, new.actor_key_id, new.action, new.target_type,
                                    new.target_id, new.client_digest, new.details, new.prev_hash, new.hash)
                                is not distinct from (old.id, old.chain, old.seq, old.organization_id, old.occurred_at,
                                    old.actor_type, old.actor_user_id, old.actor_key_id, old.action, old.target_type,
                                    old.target_id, old.client_digest, old.details, old.prev_hash, old.hash) then
                                return new; -- erasing the client address and user agent only
                            end if;
                        end if;
                        raise exception 'audit log entries cannot be changed or deleted (%)', tg_op
                            using errcode = '42501';
                    end
                    $$""");
            s.execute("create trigger audit_log_no_update before update or delete on audit_log "
                    + "for each row execute function audit_log_guard()");
            s.execute("create trigger audit_log_no_truncate before truncate on audit_log "
                    + "for each statement execute function audit_log_guard()");
        }
    }
}
