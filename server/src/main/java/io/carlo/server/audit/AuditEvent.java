package io.carlo.server.audit;

import io.carlo.server.security.Actor;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Something to record: who ({@link AuditActor}), what ({@code action}, e.g. {@code workbook.upload}),
 * on what ({@code targetType}, {@code targetId}), in which organization, with details. Built
 * fluently: {@code AuditEvent.of(actor, "workbook.upload", "workbook", id).with("name", name)}.
 * Details hold ids and facts, never names or e-mail addresses of people (see {@link AuditLog}).
 *
 * @param organizationId the organization whose log holds it; null for the log of no organization
 * @param client         where the request came from; null: the request this thread serves, if any
 */
public record AuditEvent(UUID organizationId, AuditActor actor, String action, String targetType, String targetId,
                         Map<String, String> details, ClientInfo client) {

    public AuditEvent {
        details = Collections.unmodifiableMap(new TreeMap<>(details == null ? Map.of() : details));
    }

    /** An event of a request's caller, in the organization the request acts in. */
    public static AuditEvent of(Actor actor, String action, String targetType, Object targetId) {
        return new AuditEvent(actor.organizationId(), AuditActor.of(actor), action, targetType, text(targetId), Map.of(),
                null);
    }

    public static AuditEvent of(AuditActor actor, String action, String targetType, Object targetId) {
        return new AuditEvent(null, actor, action, targetType, text(targetId), Map.of(), null);
    }

    /** The same event with one more detail (a null value is left out). */
    public AuditEvent with(String key, Object value) {
        if (value == null) {
            return this;
        }
        TreeMap<String, String> more = new TreeMap<>(details);
        more.put(key, value.toString());
        return new AuditEvent(organizationId, actor, action, targetType, targetId, more, client);
    }

    /** The same event in another organization's log (null: the log of no organization). */
    public AuditEvent in(UUID organization) {
        return new AuditEvent(organization, actor, action, targetType, targetId, details, client);
    }

    public AuditEvent from(ClientInfo from) {
        return new AuditEvent(organizationId, actor, action, targetType, targetId, details, from);
    }

    private static String text(Object id) {
        return id == null ? null : id.toString();
    }
}
