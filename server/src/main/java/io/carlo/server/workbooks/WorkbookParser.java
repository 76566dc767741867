package io.carlo.server.workbooks;

import io.carlo.engine.eval.LinkedWorkbook;
import io.carlo.engine.workbook.WorkbookLoader;
import io.carlo.server.CarloProperties;
import io.carlo.server.api.ApiException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Reads workbooks on a small pool of its own, so that however many uploads arrive at once, only
 * {@code carlo.uploads.parse-threads} workbooks are parsed at a time (each may take a few hundred
 * MB of heap); a few more wait in a short queue, and beyond that the caller is answered 503 with
 * Retry-After instead of piling up threads and memory. A workbook already stored (the
 * {@link WorkbookCache} loading it for a view or a run) waits for its turn instead, up to the parse
 * timeout: it was accepted once, and a simulation must not fail because uploads were busy. A
 * workbook that takes longer than
 * {@code parse-timeout} is refused (422): the request returns, and the parse is interrupted (POI
 * may finish its current part first, so the thread stays busy that long). Uploads and the
 * {@link WorkbookCache} both read through here.
 */
@Component
public class WorkbookParser implements DisposableBean {

    /** The parser is full: answered 503 with Retry-After. */
    public static final class Busy extends ApiException {
        private final long retryAfterSeconds;

        Busy(long retryAfterSeconds) {
            super(HttpStatus.SERVICE_UNAVAILABLE, "Busy", "too many workbooks are being read at the moment; "
                    + "try again in " + retryAfterSeconds + " seconds");
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }

    /** Opens the workbook's bytes; called on the parser's thread. */
    @FunctionalInterface
    public interface Source {
        InputStream open() throws IOException;
    }

    static final long RETRY_AFTER_SECONDS = 5;

    private final ThreadPoolExecutor pool;
    /** Places: one per thread and per queued parse; a parse holds one until it really ends. */
    private final Semaphore places;
    private final Duration timeout;
    private final WorkbookLoader.Limits limits;

    public WorkbookParser(CarloProperties properties) {
        CarloProperties.Uploads uploads = properties.uploads();
        int threads = Math.max(1, uploads.parseThreads());
        AtomicInteger n = new AtomicInteger();
        this.places = new Semaphore(threads * 3);
        this.pool = new ThreadPoolExecutor(threads, threads, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>(),
                r -> {
                    Thread t = new Thread(r, "workbook-parser-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.AbortPolicy());
        this.pool.allowCoreThreadTimeOut(true);
        this.timeout = uploads.parseTimeout();
        long entry = uploads.maxEntrySize().toBytes();
        // the loader's own cell bound only stops a runaway parse early; WorkbookCeilings gives the
        // exact answer with the counts
        long cellGuard = Math.max(uploads.maxCells(), uploads.maxFormulas()) * 2 + 1;
        this.limits = new WorkbookLoader.Limits(entry, uploads.minInflateRatio(),
                WorkbookLoader.Limits.DEFAULT.maxTextChars(), cellGuard);
        // POI's zip-bomb guards are process-wide statics: set them now, explicitly, from the settings
        // (the loader sets the same values again before each parse)
        ZipSecureFile.setMinInflateRatio(limits.minInflateRatio());
        ZipSecureFile.setMaxEntrySize(limits.maxEntryBytes());
        ZipSecureFile.setMaxTextSize(limits.maxTextChars());
    }

    /**
     * Reads and links an uploaded workbook; answers 503 at once when the parser is full, and refuses
     * the workbook (422) when reading it takes longer than the parse timeout.
     */
    public LinkedWorkbook parse(Source source, String label) {
        return run(label, false, load(source, label));
    }

    /** Reads a stored workbook, waiting up to the parse timeout for a place when the parser is full. */
    public LinkedWorkbook parseStored(Source source, String label) {
        return runStored(label, load(source, label));
    }

    private Callable<LinkedWorkbook> load(Source source, String label) {
        return () -> {
            try (InputStream in = source.open()) {
                return LinkedWorkbook.load(in, label, limits);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the stored workbook " + label, e);
            }
        };
    }

    /** Runs {@code work} on the parser's pool under its timeout. */
    <T> T run(String label, Callable<T> work) {
        return run(label, false, work);
    }

    /** Runs {@code work} like a stored workbook's parse: waiting for a place. */
    <T> T runStored(String label, Callable<T> work) {
        return run(label, true, work);
    }

    private <T> T run(String label, boolean wait, Callable<T> work) {
        if (!takePlace(wait)) {
            throw new Busy(RETRY_AFTER_SECONDS);
        }
        Future<T> future;
        try {
            future = pool.submit(() -> {
                try {
                    return work.call();
                } finally {
                    places.release();   // only now: a timed-out parse still holds its thread and memory
                }
            });
        } catch (RejectedExecutionException e) {   // shutting down
            places.release();
            throw new Busy(RETRY_AFTER_SECONDS);
        }
        try {
            return future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw ApiException.unprocessable("Workbook too slow to read", label + " took longer than "
                    + describe(timeout) + " to read; split the model or remove what it does not need");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading " + label, e);
        }
    }

    private boolean takePlace(boolean wait) {
        try {
            return wait ? places.tryAcquire(timeout.toNanos(), TimeUnit.NANOSECONDS) : places.tryAcquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Whether a stored workbook's parse is waiting for a place. */
    boolean hasWaiting() {
        return places.hasQueuedThreads();
    }

    /** Parses waiting for a thread. */
    int queued() {
        return pool.getQueue().size();
    }

    static String describe(Duration d) {
        if (d.toMillis() < 1000) {
            return d.toMillis() + " ms";
        }
        long s = d.toSeconds();
        return s % 60 == 0 && s >= 120 ? (s / 60) + " minutes" : s + " seconds";
    }

    @Override
    public void destroy() {
        pool.shutdownNow();
    }
}
