package io.carlo.server.workbooks;

import io.carlo.engine.eval.LinkedWorkbook;
import io.carlo.engine.function.FunctionLibrary;
import io.carlo.engine.inspect.InspectReport;
import io.carlo.engine.inspect.WorkbookInspector;
import io.carlo.engine.workbook.Sheet;
import io.carlo.server.CarloProperties;
import io.carlo.server.api.ApiException;
import io.carlo.server.audit.AuditEvent;
import io.carlo.server.audit.AuditLog;
import io.carlo.server.billing.Quotas;
import io.carlo.server.security.Actor;
import io.carlo.server.security.Secrets;
import io.carlo.server.storage.BlobStore;
import io.carlo.server.tenancy.Role;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/** Uploading, listing, reading and deleting an organization's workbooks. */
@Service
public class WorkbookService {

    /** Published before a workbook's rows go, so that what hangs off it (result files) can go too. */
    public record WorkbookDeleting(UUID organizationId, UUID workbookId) {
    }

    private final Workbooks workbooks;
    private final BlobStore blobs;
    private final WorkbookCache cache;
    private final WorkbookParser parser;
    private final WorkbookContainer container;
    private final CarloProperties.Uploads limits;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final AuditLog audit;
    private final Quotas quotas;

    public WorkbookService(Workbooks workbooks, BlobStore blobs, WorkbookCache cache, WorkbookParser parser,
                           CarloProperties properties, ApplicationEventPublisher events, Clock clock, AuditLog audit,
                           Quotas quotas) {
        this.quotas = quotas;
        this.workbooks = workbooks;
        this.blobs = blobs;
        this.cache = cache;
        this.parser = parser;
        this.limits = properties.uploads();
        this.container = new WorkbookContainer(limits);
        this.events = events;
        this.clock = clock;
        this.audit = audit;
    }

    /**
     * Stores a workbook after reading it completely: a file Carlo cannot read (not a workbook,
     * corrupt, password-protected, a zip bomb, an XML entity attack) is refused with the reason and
     * nothing is kept.
     */
    public WorkbookRecord upload(Actor actor, String fileName, byte[] content) {
        actor.require(Role.ANALYST, "upload workbooks");
        String name = cleanName(fileName);
        if (content.length == 0) {
            throw ApiException.badRequest("the file is empty");
        }
        container.check(content); // what the bytes are, before any parser sees them
        quotas.checkWorkbook(actor.organization(), content.length);
        LinkedWorkbook linked = parser.parse(() -> new ByteArrayInputStream(content), name);
        WorkbookCeilings.check(linked, limits);
        InspectReport report = WorkbookInspector.inspect(linked.workbook(), linked.formulas(), FunctionLibrary.standard());
        List<WorkbookSummary.SheetInfo> sheets = new ArrayList<>();
        for (int i = 0; i < linked.workbook().sheets().size(); i++) {
            Sheet s = linked.workbook().sheet(i);
            InspectReport.SheetSummary ss = report.sheets().get(i);
            sheets.add(new WorkbookSummary.SheetInfo(i, s.name(), ss.cells(), ss.formulaCells(), ss.usedRange(),
                    s.lastRow(), s.lastCol()));
        }
        UUID id = UUID.randomUUID();
        WorkbookRecord record = new WorkbookRecord(id, actor.organization(), name, content.length,
                Secrets.sha256(content), actor.userId(), clock.instant(),
                WorkbookSummary.of(report, sheets, MacroDetector.hasMacros(content)));
        try {
            blobs.write(record.blobId(), out -> out.write(content));
            workbooks.insert(record);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            deleteQuietly(record.blobId());
            throw e;
        }
        cache.put(id, linked);
        audit.record(AuditEvent.of(actor, "workbook.upload", "workbook", id).with("bytes", content.length)
                .with("sha256", record.sha256()));
        return record;
    }

    public WorkbookRecord get(Actor actor, UUID id) {
        return workbooks.find(actor.organization(), id).orElseThrow(() -> ApiException.notFound("workbook"));
    }

    public List<WorkbookRecord> list(Actor actor, int limit, int offset) {
        if (limit < 1 || limit > 500 || offset < 0) {
            throw ApiException.badRequest("limit must be between 1 and 500 and offset at least 0");
        }
        return workbooks.list(actor.organization(), limit, offset);
    }

    public LinkedWorkbook linked(Actor actor, UUID id) {
        return cache.get(get(actor, id));
    }

    /** The file as uploaded, for a download: recorded in the audit log. */
    public InputStream download(Actor actor, WorkbookRecord workbook) {
        InputStream in = content(workbook);
        audit.record(AuditEvent.of(actor, "workbook.download", "workbook", workbook.id()));
        return in;
    }

    public InputStream content(WorkbookRecord workbook) {
        try {
            return blobs.read(workbook.blobId());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes the workbook, its simulations and their results. */
    public void delete(Actor actor, UUID id) {
        actor.require(Role.ANALYST, "delete workbooks");
        WorkbookRecord w = get(actor, id);
        events.publishEvent(new WorkbookDeleting(w.organizationId(), w.id()));
        workbooks.delete(w.organizationId(), w.id());
        cache.evict(w.id());
        deleteQuietly(w.blobId());
        audit.record(AuditEvent.of(actor, "workbook.delete", "workbook", w.id()));
    }

    private void deleteQuietly(String blob) {
        try {
            blobs.delete(blob);
        } catch (IOException | RuntimeException ignored) {
            // an orphan file is harmless; the row, which made it reachable, is gone
        }
    }

    /** The file's own name, without any directory a browser may send, at most 255 characters. */
    static String cleanName(String fileName) {
        String name = fileName == null ? "" : fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).strip();
        name = name.replaceAll("[\\p{Cntrl}]", "");
        if (name.isEmpty()) {
            name = "workbook.xlsx";
        }
        return name.length() > 255 ? name.substring(name.length() - 255) : name;
    }
}
