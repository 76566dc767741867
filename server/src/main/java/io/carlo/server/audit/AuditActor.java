package io.carlo.server.audit;

import io.carlo.server.security.Actor;
import java.util.UUID;

/**
 * Who did something: a signed-in user, an API key (with the user who created it), Carlo itself
 * (scheduled work such as retention), or nobody known (a failed sign-in).
 */
public record AuditActor(Kind kind, UUID userId, UUID apiKeyId) {

    public enum Kind { USER, API_KEY, SYSTEM, ANONYMOUS }

    public static final AuditActor SYSTEM = new AuditActor(Kind.SYSTEM, null, null);
    public static final AuditActor ANONYMOUS = new AuditActor(Kind.ANONYMOUS, null, null);

    public static AuditActor of(Actor actor) {
        return actor.isApiKey() ? new AuditActor(Kind.API_KEY, actor.userId(), actor.apiKeyId())
                : new AuditActor(Kind.USER, actor.userId(), null);
    }

    public static AuditActor user(UUID userId) {
        return new AuditActor(Kind.USER, userId, null);
    }

    /** The id the log's {@code actor} filter takes: the key's for a key, the user's for a user, else the kind. */
    public String id() {
        return switch (kind) {
            case API_KEY -> apiKeyId.toString();
            case USER -> userId.toString();
            case SYSTEM -> "system";
            case ANONYMOUS -> "anonymous";
        };
    }
}
