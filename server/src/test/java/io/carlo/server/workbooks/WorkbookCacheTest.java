package io.carlo.server.workbooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.carlo.engine.eval.LinkedWorkbook;
import io.carlo.engine.testing.TestWorkbooks;
import io.carlo.server.CarloProperties;
import io.carlo.server.storage.BlobStore;
import io.carlo.server.storage.FileBlobStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The parsed-workbook cache: one parse per workbook under a burst of requests, and bounded by cells. */
class WorkbookCacheTest {

    private static final UUID ORGANIZATION = UUID.randomUUID();

    @TempDir
    Path dir;

    @Test
    void aBurstOfRequestsForAnUncachedWorkbookParsesItOnce() throws Exception {
        CountingBlobStore blobs = store("startup-36-month-plan.xlsx");
        WorkbookCache cache = cache(blobs, properties(1_000_000));
        WorkbookRecord record = record("startup-36-month-plan.xlsx");
        int threads = 8;
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<LinkedWorkbook>> views = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                views.add(pool.submit(() -> {
                    start.await();
                    return cache.get(record);
                }));
            }
            LinkedWorkbook first = views.get(0).get();
            for (Future<LinkedWorkbook> view : views) {
                assertThat(view.get()).isSameAs(first);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(blobs.reads.get()).isEqualTo(1);
    }

    @Test
    void keepsNoMoreCellsThanItsLimitAndParsesAgainWhatItDropped() throws Exception {
        CountingBlobStore blobs = store("startup-36-month-plan.xlsx", "product-portfolio-200.xlsx");
        // room for the 3,628-weight portfolio model, not for it and the 16,846-weight plan together
        WorkbookCache cache = cache(blobs, properties(20_000));
        WorkbookRecord plan = record("startup-36-month-plan.xlsx");
        WorkbookRecord portfolio = record("product-portfolio-200.xlsx");

        cache.get(plan);
        cache.get(portfolio);
        cache.get(plan);
        cache.get(portfolio);
        cache.get(plan);

        assertThat(blobs.reads.get()).as("reads of the two files while they cannot both stay").isGreaterThan(2);

        CountingBlobStore roomy = store("startup-36-month-plan.xlsx", "product-portfolio-200.xlsx");
        WorkbookCache large = cache(roomy, properties(1_000_000));
        for (int i = 0; i < 3; i++) {
            large.get(plan);
            large.get(portfolio);
        }
        assertThat(roomy.reads.get()).as("reads when both fit").isEqualTo(2);
    }

    private static WorkbookCache cache(BlobStore blobs, CarloProperties properties) {
        return new WorkbookCache(blobs, new WorkbookParser(properties), properties);
    }

    private static CarloProperties properties(long maxCells) {
        return new Binder(new MapConfigurationPropertySource(Map.of("carlo.workbook-cache.max-cells", maxCells)))
                .bindOrCreate("carlo", CarloProperties.class);
    }

    private static WorkbookRecord record(String file) {
        UUID id = UUID.nameUUIDFromBytes(file.getBytes());
        return new WorkbookRecord(id, ORGANIZATION, file, 0, "", null, Instant.EPOCH, null);
    }

    private CountingBlobStore store(String... files) throws IOException {
        CountingBlobStore blobs = new CountingBlobStore(new FileBlobStore(Files.createTempDirectory(dir, "blobs")));
        for (String file : files) {
            byte[] content = Files.readAllBytes(TestWorkbooks.shared(file));
            blobs.write(record(file).blobId(), out -> out.write(content));
        }
        return blobs;
    }

    /** A real file store that counts the files opened for reading. */
    private static final class CountingBlobStore implements BlobStore {

        private final BlobStore store;
        final AtomicInteger reads = new AtomicInteger();

        CountingBlobStore(BlobStore store) {
            this.store = store;
        }

        @Override
        public void write(String id, BlobWriter writer) throws IOException {
            store.write(id, writer);
        }

        @Override
        public InputStream read(String id) throws IOException {
            reads.incrementAndGet();
            return store.read(id);
        }

        @Override
        public long size(String id) throws IOException {
            return store.size(id);
        }

        @Override
        public void delete(String id) throws IOException {
            store.delete(id);
        }

        @Override
        public void deleteAll(String prefix) throws IOException {
            store.deleteAll(prefix);
        }
    }
}
