package io.carlo.server.audit;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One recorded entry as the API shows it.
 *
 * @param actorEmail the actor's e-mail address now, looked up when read (null once the account is deleted)
 * @param seq        its place in the organization's chain, from 1
 */
public record AuditEntry(UUID id, long seq, Instant occurredAt, UUID organizationId, String actorType,
                         UUID actorUserId, String actorEmail, UUID actorKeyId, String action, String targetType,
                         String targetId, String clientIp, String userAgent, Map<String, String> details,
                         String hash) {
}
