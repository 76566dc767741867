package io.carlo.server.api;

import io.carlo.server.security.Actor;
import io.carlo.server.workbooks.SheetGrid;
import io.carlo.server.workbooks.WorkbookRecord;
import io.carlo.server.workbooks.WorkbookService;
import io.carlo.server.workbooks.WorkbookSummary;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Workbooks: upload (with the inspect summary), list, read, grid view, download, delete. */
@RestController
@Tag(name = "Workbooks", description = "uploaded Excel workbooks")
public class WorkbookController {

    public record WorkbookView(UUID id, String name, long sizeBytes, String sha256, UUID uploadedBy, Instant createdAt,
                               WorkbookSummary summary) {
        static WorkbookView of(WorkbookRecord w) {
            return new WorkbookView(w.id(), w.name(), w.sizeBytes(), w.sha256(), w.uploadedBy(), w.createdAt(),
                    w.summary());
        }
    }

    private final WorkbookService workbooks;

    public WorkbookController(WorkbookService workbooks) {
        this.workbooks = workbooks;
    }

    @Operation(summary = "Upload a workbook (.xlsx or .xlsm) as multipart field 'file' (analyst)")
    @PostMapping(value = "/api/v1/workbooks", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    public WorkbookView upload(Actor actor, @RequestParam(value = "file", required = false) MultipartFile file)
            throws IOException {
        if (file == null) {
            throw ApiException.badRequest("send the workbook as the multipart field 'file'");
        }
        return WorkbookView.of(workbooks.upload(actor, file.getOriginalFilename(), file.getBytes()));
    }

    @Operation(summary = "The organization's workbooks, newest first")
    @GetMapping("/api/v1/workbooks")
    public List<WorkbookView> list(Actor actor, @RequestParam(defaultValue = "100") int limit,
                                   @RequestParam(defaultValue = "0") int offset) {
        return workbooks.list(actor, limit, offset).stream().map(WorkbookView::of).toList();
    }

    @Operation(summary = "One workbook with its inspect summary")
    @GetMapping("/api/v1/workbooks/{id}")
    public WorkbookView get(Actor actor, @PathVariable UUID id) {
        return WorkbookView.of(workbooks.get(actor, id));
    }

    @Operation(summary = "Cells of a sheet for a grid view: values, displayed text, formulas (range such as A1:J50)")
    @GetMapping("/api/v1/workbooks/{id}/sheets/{sheet}/cells")
    public SheetGrid.Window cells(Actor actor, @PathVariable UUID id, @PathVariable int sheet,
                                  @RequestParam(required = false) String range) {
        return SheetGrid.read(workbooks.linked(actor, id), sheet, range);
    }

    @Operation(summary = "Download the workbook as uploaded")
    @GetMapping("/api/v1/workbooks/{id}/file")
    public ResponseEntity<InputStreamResource> download(Actor actor, @PathVariable UUID id) {
        WorkbookRecord w = workbooks.get(actor, id);
        InputStream in = workbooks.download(actor, w);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(w.name(),
                        java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .contentLength(w.sizeBytes())
                .body(new InputStreamResource(in));
    }

    @Operation(summary = "Delete a workbook with its simulations and results (analyst)")
    @DeleteMapping("/api/v1/workbooks/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void delete(Actor actor, @PathVariable UUID id) {
        workbooks.delete(actor, id);
    }
}
