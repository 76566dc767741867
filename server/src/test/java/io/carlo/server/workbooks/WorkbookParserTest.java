package io.carlo.server.workbooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.carlo.engine.testing.HostileFiles;
import io.carlo.server.CarloProperties;
import io.carlo.server.api.ApiException;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.http.HttpStatus;

/** The bounded parser pool: a full pool answers 503 with Retry-After, a slow parse 422. */
class WorkbookParserTest {

    @Test
    void parsesAWorkbook() {
        WorkbookParser parser = new WorkbookParser(properties("2", "60s"));
        try {
            assertThat(parser.parse(() -> new ByteArrayInputStream(HostileFiles.validXlsx()), "ok.xlsx").workbook()
                    .formulaCount()).isEqualTo(1);
        } finally {
            parser.destroy();
        }
    }

    /**
     * A one-thread parser made full: one parse running until {@link #close}, or until
     * {@link #release}, and two queued behind it (the queue holds twice the threads).
     */
    private static final class FullParser implements AutoCloseable {
        final WorkbookParser parser = new WorkbookParser(properties("1", "10m"));
        final ExecutorService callers = Executors.newCachedThreadPool(); // the common pool may have a single thread
        final CountDownLatch release = new CountDownLatch(1);
        final List<CompletableFuture<String>> uploads = new ArrayList<>();

        FullParser() throws InterruptedException {
            CountDownLatch running = new CountDownLatch(1);
            uploads.add(CompletableFuture.supplyAsync(() -> parser.run("first", () -> {
                running.countDown();
                release.await();
                return "first";
            }), callers));
            running.await();
            for (int i = 0; i < 2; i++) {
                uploads.add(CompletableFuture.supplyAsync(() -> parser.run("queued", () -> "queued"), callers));
            }
            // the two callers may not have submitted yet: wait until the queue really holds them
            while (parser.queued() < 2) {
                Thread.onSpinWait();
            }
        }

        /** Lets the first parse end; then every parse given so far ends as it should. */
        void release() throws Exception {
            release.countDown();
            for (CompletableFuture<String> f : uploads) {
                assertThat(f.get()).isIn("first", "queued");
            }
        }

        @Override
        public void close() {
            release.countDown();
            callers.shutdownNow();
            parser.destroy();
        }
    }

    @Test
    void aFullPoolAnswersBusyWithRetryAfter() throws Exception {
        try (FullParser full = new FullParser()) {
            assertThatThrownBy(() -> full.parser.run("one too many", () -> "never")).isInstanceOfSatisfying(
                    WorkbookParser.Busy.class, e -> {
                        assertThat(e.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                        assertThat(e.retryAfterSeconds()).isPositive();
                    });
            full.release();
        }
    }

    @Test
    void aStoredWorkbookWaitsForItsTurnInsteadOfBeingRefused() throws Exception {
        try (FullParser full = new FullParser()) {
            // full: an upload is refused at once, a stored workbook (a view, a run) waits
            assertThatThrownBy(() -> full.parser.run("upload", () -> "never")).isInstanceOf(WorkbookParser.Busy.class);
            CompletableFuture<String> stored = CompletableFuture.supplyAsync(
                    () -> full.parser.runStored("stored", () -> "stored"), full.callers);
            while (!full.parser.hasWaiting()) {   // it asked while the parser was full, and waits
                Thread.onSpinWait();
            }
            assertThat(stored).isNotDone();
            full.release();
            assertThat(stored.get()).isEqualTo("stored");
        }
    }

    @Test
    void aParseOverTheTimeoutIsRefusedWith422() {
        WorkbookParser parser = new WorkbookParser(properties("1", "200ms"));
        CountDownLatch never = new CountDownLatch(1);
        try {
            assertThatThrownBy(() -> parser.run("slow.xlsx", () -> {
                never.await();
                return "done";
            })).isInstanceOfSatisfying(ApiException.class, e -> {
                assertThat(e.status()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
                assertThat(e.getMessage()).startsWith("slow.xlsx took longer than 200 ms to read");
            });
        } finally {
            parser.destroy();
        }
    }

    private static CarloProperties properties(String threads, String timeout) {
        return new Binder(new MapConfigurationPropertySource(Map.of("carlo.uploads.parse-threads", threads,
                "carlo.uploads.parse-timeout", timeout))).bindOrCreate("carlo", CarloProperties.class);
    }
}
