package io.carlo.server.workbooks;

import java.time.Instant;
import java.util.UUID;

/** An uploaded workbook's metadata; its bytes are in the blob store under {@link #blobId()}. */
public record WorkbookRecord(UUID id, UUID organizationId, String name, long sizeBytes, String sha256,
                             UUID uploadedBy, Instant createdAt, WorkbookSummary summary) {

    public String blobId() {
        return blobId(organizationId, id);
    }

    public static String blobId(UUID organization, UUID workbook) {
        return "workbooks/" + organization + "/" + workbook;
    }
}
