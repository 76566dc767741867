package io.carlo.server.api;

import io.carlo.server.audit.AuditEntry;
import io.carlo.server.audit.AuditEvent;
import io.carlo.server.audit.AuditLog;
import io.carlo.server.security.Actor;
import io.carlo.server.tenancy.Role;
import io.carlo.server.tenancy.TenancyService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tools.jackson.databind.json.JsonMapper;

/** An organization's audit log, for its admins and owners: query, export, verify. */
@RestController
@Tag(name = "Audit log", description = "who did what, when and from where, in an organization")
public class AuditController {

    /** A page of entries, newest first. */
    public record AuditPage(List<AuditEntry> entries, int limit, int offset) {
    }

    private static final List<String> CSV_COLUMNS = List.of("seq", "occurredAt", "action", "actorType", "actorUserId",
            "actorEmail", "actorKeyId", "targetType", "targetId", "clientIp", "userAgent", "details", "hash");

    private final AuditLog audit;
    private final TenancyService tenancy;
    private final JsonMapper json;

    public AuditController(AuditLog audit, TenancyService tenancy, JsonMapper json) {
        this.audit = audit;
        this.tenancy = tenancy;
        this.json = json;
    }

    @Operation(summary = "The organization's audit log, newest first (admin); filter by time (ISO instants, from "
            + "inclusive, to exclusive), action (exact, or a family such as 'workbook.*') and actor (a user or key id, "
            + "an e-mail address, 'system' or 'anonymous')")
    @GetMapping("/api/v1/organizations/{id}/audit")
    public AuditPage list(Actor actor, @PathVariable UUID id, @RequestParam(required = false) String from,
                          @RequestParam(required = false) String to, @RequestParam(required = false) String action,
                          @RequestParam(name = "actor", required = false) String who,
                          @RequestParam(defaultValue = "100") int limit, @RequestParam(defaultValue = "0") int offset) {
        tenancy.requireRole(actor, id, Role.ADMIN, "read the audit log");
        if (limit < 1 || limit > 1000 || offset < 0) {
            throw ApiException.badRequest("limit must be between 1 and 1000 and offset at least 0");
        }
        return new AuditPage(audit.list(id, filter(from, to, action, who), limit, offset), limit, offset);
    }

    @Operation(summary = "Export the organization's audit log, oldest first, as CSV or JSON Lines (admin); same filters")
    @GetMapping("/api/v1/organizations/{id}/audit/export")
    public ResponseEntity<StreamingResponseBody> export(Actor actor, @PathVariable UUID id,
                                                        @RequestParam(defaultValue = "jsonl") String format,
                                                        @RequestParam(required = false) String from,
                                                        @RequestParam(required = false) String to,
                                                        @RequestParam(required = false) String action,
                                                        @RequestParam(name = "actor", required = false) String who) {
        tenancy.requireRole(actor, id, Role.ADMIN, "export the audit log");
        boolean csv = switch (format.toLowerCase(java.util.Locale.ROOT)) {
            case "csv" -> true;
            case "jsonl" -> false;
            default -> throw ApiException.badRequest("format must be csv or jsonl, not '" + format + "'");
        };
        AuditLog.Filter filter = filter(from, to, action, who);
        audit.record(AuditEvent.of(actor, "audit.export", "organization", id).in(id).with("format", csv ? "csv" : "jsonl"));
        StreamingResponseBody body = out -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            try {
                if (csv) {
                    w.write(String.join(",", CSV_COLUMNS) + "\r\n");
                }
                audit.forEach(id, filter, e -> {
                    try {
                        w.write(csv ? csvLine(e) : json.writeValueAsString(e) + "\n");
                    } catch (java.io.IOException x) {
                        throw new UncheckedIOException(x);
                    }
                });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            w.flush();
        };
        String name = "audit-" + id + (csv ? ".csv" : ".jsonl");
        return ResponseEntity.ok()
                .contentType(csv ? new MediaType("text", "csv", StandardCharsets.UTF_8)
                        : MediaType.parseMediaType("application/jsonl"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(body);
    }

    @Operation(summary = "Recompute the organization's hash chain (admin): whether any entry was changed, inserted "
            + "or removed outside the application")
    @GetMapping("/api/v1/organizations/{id}/audit/verify")
    public AuditLog.Verification verify(Actor actor, @PathVariable UUID id) {
        tenancy.requireRole(actor, id, Role.ADMIN, "verify the audit log");
        return audit.verify(id);
    }

    private String csvLine(AuditEntry e) {
        List<Object> values = List.of(e.seq(), e.occurredAt(), e.action(), e.actorType(), nullable(e.actorUserId()),
                nullable(e.actorEmail()), nullable(e.actorKeyId()), nullable(e.targetType()), nullable(e.targetId()),
                nullable(e.clientIp()), nullable(e.userAgent()), json.writeValueAsString(e.details()), e.hash());
        StringBuilder line = new StringBuilder();
        for (Object v : values) {
            if (!line.isEmpty()) {
                line.append(',');
            }
            line.append(csvField(v.toString()));
        }
        return line.append("\r\n").toString();
    }

    private static Object nullable(Object o) {
        return o == null ? "" : o;
    }

    /**
     * RFC 4180 quoting; a field a spreadsheet would run as a formula (=, +, -, @ first) gets a
     * leading apostrophe, since user agents and names come from outside.
     */
    static String csvField(String value) {
        String v = value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r") || !v.equals(value)) {
            return "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }

    private static AuditLog.Filter filter(String from, String to, String action, String actor) {
        return new AuditLog.Filter(instant(from, "from"), instant(to, "to"), action, actor);
    }

    private static Instant instant(String text, String name) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(name + " must be an ISO-8601 instant such as 2026-01-31T00:00:00Z, not '"
                    + text + "'");
        }
    }
}
