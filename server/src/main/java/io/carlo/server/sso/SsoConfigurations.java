package io.carlo.server.sso;

import io.carlo.server.storage.Timestamps;
import io.carlo.server.tenancy.Role;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The sso_configurations and sso_domains tables. */
@Repository
public class SsoConfigurations {

    private final JdbcClient db;

    public SsoConfigurations(JdbcClient db) {
        this.db = db;
    }

    public Optional<SsoConfiguration> find(UUID organization) {
        return db.sql("select * from sso_configurations where organization_id = ?").param(organization)
                .query((rs, n) -> new SsoConfiguration(Timestamps.uuid(rs, "organization_id"), rs.getString("issuer"),
                        rs.getString("client_id"), rs.getString("client_secret"), rs.getString("auth_method"),
                        rs.getString("authorization_uri"), rs.getString("token_uri"), rs.getString("jwks_uri"),
                        List.of(), Role.valueOf(rs.getString("default_role")), rs.getBoolean("jit_membership"),
                        rs.getBoolean("require_sso"), Timestamps.instant(rs, "created_at"),
                        Timestamps.instant(rs, "updated_at")))
                .optional()
                .map(c -> new SsoConfiguration(c.organizationId(), c.issuer(), c.clientId(), c.encryptedSecret(),
                        c.authMethod(), c.authorizationUri(), c.tokenUri(), c.jwksUri(), domainsOf(organization),
                        c.defaultRole(), c.jitMembership(), c.requireSso(), c.createdAt(), c.updatedAt()));
    }

    /** The organization that signs in people of this e-mail domain, if one does. */
    public Optional<UUID> organizationOfDomain(String domain) {
        return db.sql("select organization_id from sso_domains where domain = ?").param(domain)
                .query((rs, n) -> Timestamps.uuid(rs, "organization_id")).optional();
    }

    /** Inserts or replaces the configuration and its domains (in the caller's transaction). */
    public void save(SsoConfiguration c) {
        int updated = db.sql("""
                        update sso_configurations set issuer = ?, client_id = ?, client_secret = ?, auth_method = ?,
                            authorization_uri = ?, token_uri = ?, jwks_uri = ?, default_role = ?, jit_membership = ?,
                            require_sso = ?, updated_at = ?
                        where organization_id = ?""")
                .params(c.issuer(), c.clientId(), c.encryptedSecret(), c.authMethod(), c.authorizationUri(),
                        c.tokenUri(), c.jwksUri(), c.defaultRole().name(), c.jitMembership(), c.requireSso(),
                        Timestamps.of(c.updatedAt()), c.organizationId())
                .update();
        if (updated == 0) {
            db.sql("""
                            insert into sso_configurations (organization_id, issuer, client_id, client_secret, auth_method,
                                authorization_uri, token_uri, jwks_uri, default_role, jit_membership, require_sso,
                                created_at, updated_at)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(c.organizationId(), c.issuer(), c.clientId(), c.encryptedSecret(), c.authMethod(),
                            c.authorizationUri(), c.tokenUri(), c.jwksUri(), c.defaultRole().name(), c.jitMembership(),
                            c.requireSso(), Timestamps.of(c.createdAt()), Timestamps.of(c.updatedAt()))
                    .update();
        }
        db.sql("delete from sso_domains where organization_id = ?").param(c.organizationId()).update();
        for (String domain : c.domains()) {
            db.sql("insert into sso_domains (domain, organization_id) values (?, ?)")
                    .params(domain, c.organizationId()).update();
        }
    }

    public boolean delete(UUID organization) {
        return db.sql("delete from sso_configurations where organization_id = ?").param(organization).update() > 0;
    }

    /** Whether a member of some organization that requires single sign-on for this domain. */
    public boolean requiresSso(UUID user, String domain) {
        return db.sql("""
                        select count(*) from sso_domains d
                        join sso_configurations c on c.organization_id = d.organization_id
                        join memberships m on m.organization_id = d.organization_id
                        where d.domain = ? and c.require_sso and m.user_id = ?""")
                .params(domain, user).query(Long.class).single() > 0;
    }

    private List<String> domainsOf(UUID organization) {
        return db.sql("select domain from sso_domains where organization_id = ? order by domain").param(organization)
                .query(String.class).list();
    }
}
