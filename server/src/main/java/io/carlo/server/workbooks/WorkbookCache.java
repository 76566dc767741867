package io.carlo.server.workbooks;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.carlo.engine.eval.LinkedWorkbook;
import io.carlo.engine.workbook.Sheet;
import io.carlo.server.CarloProperties;
import io.carlo.server.storage.BlobStore;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Workbooks parsed and linked, per instance: the grid view, the validation of a new simulation and
 * the worker all start from the same {@link LinkedWorkbook}, and parsing a large workbook costs
 * hundreds of milliseconds. The cache is bounded by the cells it holds (a count of workbooks would
 * let a few huge ones exhaust the heap, or make many small ones thrash), and loads each workbook
 * once however many requests ask for it at the same moment: under load, a burst of views of a
 * workbook that is not cached must not parse it once per request. Entries are immutable, so
 * sharing them is safe.
 */
@Component
public class WorkbookCache {

    private final BlobStore blobs;
    private final WorkbookParser parser;
    private final Cache<UUID, LinkedWorkbook> entries;

    public WorkbookCache(BlobStore blobs, WorkbookParser parser, CarloProperties properties) {
        this.blobs = blobs;
        this.parser = parser;
        this.entries = Caffeine.newBuilder()
                .maximumWeight(properties.workbookCache().maxCells())
                .weigher((UUID id, LinkedWorkbook wb) -> weight(wb))
                .executor(Runnable::run) // evict on the caller's thread: the bound holds when put returns
                .build();
    }

    public LinkedWorkbook get(WorkbookRecord workbook) {
        return entries.get(workbook.id(), id -> load(workbook));
    }

    public void put(UUID id, LinkedWorkbook workbook) {
        entries.put(id, workbook);
    }

    public void evict(UUID id) {
        entries.invalidate(id);
    }

    /** On the parser's bounded pool, under the same limits and timeout as an upload (waiting its turn). */
    private LinkedWorkbook load(WorkbookRecord workbook) {
        return parser.parseStored(() -> blobs.read(workbook.blobId()), workbook.name());
    }

    /** Cells, with formulas counted again: their parsed trees and graph nodes cost more than a value. */
    private static int weight(LinkedWorkbook linked) {
        long cells = 1;
        for (Sheet sheet : linked.workbook().sheets()) {
            cells += sheet.cellCount();
        }
        return (int) Math.min(Integer.MAX_VALUE, cells + linked.workbook().formulaCount());
    }
}
