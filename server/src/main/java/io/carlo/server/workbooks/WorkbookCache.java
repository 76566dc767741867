package io.carlo.server.workbooks;

import io.carlo.engine.eval.LinkedWorkbook;
import io.carlo.engine.workbook.WorkbookLoader;
import io.carlo.server.storage.BlobStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The last few workbooks parsed and linked, per instance: the grid view, the validation of a new
 * simulation and the worker all start from the same {@link LinkedWorkbook}, and parsing a large
 * workbook costs a few hundred milliseconds. Entries are immutable, so sharing them is safe.
 */
@Component
public class WorkbookCache {

    private static final int CAPACITY = 8;

    private final BlobStore blobs;
    private final Map<UUID, LinkedWorkbook> entries = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, LinkedWorkbook> eldest) {
            return size() > CAPACITY;
        }
    };

    public WorkbookCache(BlobStore blobs) {
        this.blobs = blobs;
    }

    public LinkedWorkbook get(WorkbookRecord workbook) {
        synchronized (entries) {
            LinkedWorkbook cached = entries.get(workbook.id());
            if (cached != null) {
                return cached;
            }
        }
        LinkedWorkbook loaded;
        try (InputStream in = blobs.read(workbook.blobId())) {
            loaded = LinkedWorkbook.load(in, workbook.name(), WorkbookLoader.Limits.DEFAULT);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the stored workbook " + workbook.id(), e);
        }
        synchronized (entries) {
            entries.put(workbook.id(), loaded);
        }
        return loaded;
    }

    public void put(UUID id, LinkedWorkbook workbook) {
        synchronized (entries) {
            entries.put(id, workbook);
        }
    }

    public void evict(UUID id) {
        synchronized (entries) {
            entries.remove(id);
        }
    }
}
