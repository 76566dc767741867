package io.carlo.server.simulations;

import io.carlo.server.operations.SimulationMetrics;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The live progress streams ({@code GET /simulations/{id}/events}). Progress is written to the
 * database by whichever instance runs the simulation, so any instance can serve a stream: one
 * poller per instance reads every watched simulation in a single query a few times a second and
 * sends each stream the changes. A stream ends with the event that shows a finished state, or
 * earlier when this instance stops: the client then opens it again, on another instance.
 */
@Component
public class ProgressHub implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ProgressHub.class);
    private static final Duration STREAM_TIMEOUT = Duration.ofHours(2);

    private final Simulations simulations;
    private final Map<UUID, Watch> watches = new ConcurrentHashMap<>();
    /** Open from the start (a stream may be asked for as soon as the web server listens) until {@link #stop}. */
    private volatile boolean running = true;

    /** The streams of one simulation and the last view they were sent. */
    private static final class Watch {
        final List<SseEmitter> emitters = new CopyOnWriteArrayList<>();
        volatile SimulationView last;
    }

    public ProgressHub(Simulations simulations, SimulationMetrics metrics) {
        this.simulations = simulations;
        metrics.progressStreams(this::streams);
    }

    /** Opens a stream; the first event is the simulation as it is now. The caller checked the organization. */
    public SseEmitter subscribe(SimulationRecord current) {
        SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT.toMillis());
        SimulationView view = SimulationView.of(current);
        if (!send(emitter, view)) {
            return emitter;
        }
        if (current.state().finished() || !running) {
            emitter.complete();
            return emitter;
        }
        Watch watch = watches.computeIfAbsent(current.id(), id -> new Watch());
        watch.emitters.add(emitter);
        if (!running) { // stopped meanwhile: stop() may not have seen this stream
            emitter.complete();
        }
        Runnable remove = () -> watch.emitters.remove(emitter);
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(e -> remove.run());
        return emitter;
    }

    @Override
    public void start() {
        running = true; // nothing to start: open since construction
    }

    /**
     * Ends every stream, after one last update: open streams would hold up the web server's
     * graceful shutdown until its timeout, while their clients saw no more progress (the poller
     * stops with the context). A run this instance just handed back shows as queued.
     */
    @Override
    public void stop() {
        running = false;
        try {
            poll();
        } catch (RuntimeException e) {
            log.warn("last progress poll: {}", e.toString());
        }
        for (Watch watch : watches.values()) {
            watch.emitters.forEach(SseEmitter::complete);
        }
        watches.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /**
     * Stops after the simulation workers (which hand their runs back first) and before the web
     * server's graceful shutdown, which waits for open requests such as these streams.
     */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 500;
    }

    /** Number of open streams on this instance. */
    public int streams() {
        return watches.values().stream().mapToInt(w -> w.emitters.size()).sum();
    }

    @Scheduled(fixedDelayString = "${carlo.simulations.progress-interval:250ms}")
    public void poll() {
        watches.entrySet().removeIf(e -> e.getValue().emitters.isEmpty());
        if (watches.isEmpty()) {
            return;
        }
        List<UUID> ids = List.copyOf(watches.keySet());
        for (int from = 0; from < ids.size(); from += 500) {
            List<SimulationRecord> rows;
            try {
                rows = simulations.current(ids.subList(from, Math.min(ids.size(), from + 500)));
            } catch (RuntimeException e) {
                log.warn("progress poll: {}", e.toString());
                return;
            }
            java.util.Set<UUID> seen = new java.util.HashSet<>();
            for (SimulationRecord row : rows) {
                seen.add(row.id());
                publish(row.id(), SimulationView.of(row), row.state().finished());
            }
            // a simulation deleted while watched: end its streams
            for (UUID id : ids.subList(from, Math.min(ids.size(), from + 500))) {
                if (!seen.contains(id)) {
                    Watch w = watches.remove(id);
                    if (w != null) {
                        w.emitters.forEach(SseEmitter::complete);
                    }
                }
            }
        }
    }

    private void publish(UUID id, SimulationView view, boolean finished) {
        Watch watch = watches.get(id);
        if (watch == null) {
            return;
        }
        if (!Objects.equals(watch.last, view)) {
            watch.last = view;
            for (SseEmitter emitter : watch.emitters) {
                if (!send(emitter, view)) {
                    watch.emitters.remove(emitter);
                }
            }
        }
        if (finished) {
            watches.remove(id);
            watch.emitters.forEach(SseEmitter::complete);
        }
    }

    /** A comment line every 15 s keeps proxies from closing an idle stream. */
    @Scheduled(fixedDelay = 15_000)
    public void keepAlive() {
        for (Watch watch : watches.values()) {
            for (SseEmitter emitter : watch.emitters) {
                try {
                    emitter.send(SseEmitter.event().comment("keep-alive"));
                } catch (IOException | IllegalStateException e) {
                    watch.emitters.remove(emitter);
                }
            }
        }
    }

    private static boolean send(SseEmitter emitter, SimulationView view) {
        try {
            emitter.send(SseEmitter.event().name("progress").data(view, MediaType.APPLICATION_JSON));
            return true;
        } catch (IOException | IllegalStateException e) {
            emitter.completeWithError(e);
            return false;
        }
    }
}
