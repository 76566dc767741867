package io.carlo.server.tenancy;

import io.carlo.server.billing.PlanProperties;
import io.carlo.server.storage.Timestamps;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The organizations and memberships tables. */
@Repository
public class Organizations {

    private static final RowMapper<Organization> ORGANIZATION = (rs, n) -> new Organization(
            Timestamps.uuid(rs, "id"), rs.getString("name"), Timestamps.instant(rs, "created_at"));

    private static final RowMapper<Member> MEMBER = (rs, n) -> new Member(Timestamps.uuid(rs, "user_id"),
            rs.getString("email"), rs.getString("display_name"), Role.valueOf(rs.getString("role")),
            Timestamps.instant(rs, "created_at"));

    private final JdbcClient db;
    private final PlanProperties plans;

    public Organizations(JdbcClient db, PlanProperties plans) {
        this.db = db;
        this.plans = plans;
    }

    /** A new organization, on the plan new organizations get ({@code carlo.plans.default-plan}). */
    public Organization create(String name, Instant now) {
        UUID id = UUID.randomUUID();
        db.sql("insert into organizations (id, name, created_at, plan) values (?, ?, ?, ?)")
                .params(id, name, Timestamps.of(now), plans.defaultPlan().name()).update();
        return new Organization(id, name, now);
    }

    public Optional<Organization> find(UUID id) {
        return db.sql("select * from organizations where id = ?").param(id).query(ORGANIZATION).optional();
    }

    public void rename(UUID id, String name) {
        db.sql("update organizations set name = ? where id = ?").params(name, id).update();
    }

    public void addMember(UUID organization, UUID user, Role role, Instant now) {
        db.sql("insert into memberships (organization_id, user_id, role, created_at) values (?, ?, ?, ?)")
                .params(organization, user, role.name(), Timestamps.of(now)).update();
    }

    public Optional<Role> role(UUID organization, UUID user) {
        return db.sql("select role from memberships where organization_id = ? and user_id = ?")
                .params(organization, user).query(String.class).optional().map(Role::valueOf);
    }

    public void setRole(UUID organization, UUID user, Role role) {
        db.sql("update memberships set role = ? where organization_id = ? and user_id = ?")
                .params(role.name(), organization, user).update();
    }

    public void removeMember(UUID organization, UUID user) {
        db.sql("delete from memberships where organization_id = ? and user_id = ?").params(organization, user).update();
    }

    public List<Member> members(UUID organization) {
        return db.sql("""
                select m.user_id, u.email, u.display_name, m.role, m.created_at
                from memberships m join users u on u.id = m.user_id
                where m.organization_id = ? order by m.created_at, u.email""").param(organization).query(MEMBER).list();
    }

    public Optional<Member> member(UUID organization, UUID user) {
        return db.sql("""
                select m.user_id, u.email, u.display_name, m.role, m.created_at
                from memberships m join users u on u.id = m.user_id
                where m.organization_id = ? and m.user_id = ?""").params(organization, user).query(MEMBER).optional();
    }

    public long owners(UUID organization) {
        return db.sql("select count(*) from memberships where organization_id = ? and role = 'OWNER'")
                .param(organization).query(Long.class).single();
    }

    /** The organizations a user belongs to, oldest membership first. */
    public List<OrganizationMembership> ofUser(UUID user) {
        return db.sql("""
                select o.id, o.name, o.created_at, m.role from memberships m join organizations o on o.id = m.organization_id
                where m.user_id = ? order by m.created_at, o.name""").param(user)
                .query((rs, n) -> new OrganizationMembership(ORGANIZATION.mapRow(rs, n), Role.valueOf(rs.getString("role"))))
                .list();
    }
}
