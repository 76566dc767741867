package io.carlo.server.simulations;

import io.carlo.engine.eval.LinkedWorkbook;
import io.carlo.engine.simulation.SimulationResult;
import io.carlo.server.CarloProperties;
import io.carlo.server.api.ApiException;
import io.carlo.server.audit.AuditEvent;
import io.carlo.server.audit.AuditLog;
import io.carlo.server.billing.Quotas;
import io.carlo.server.security.Actor;
import io.carlo.server.tenancy.Role;
import io.carlo.server.workbooks.WorkbookRecord;
import io.carlo.server.workbooks.WorkbookService;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** Creating, listing, cancelling and deleting simulations, and reading their results. */
@Service
public class SimulationService {

    static final long DEFAULT_ITERATIONS = 10_000;
    private static final int MAX_INPUTS = 1_000;
    private static final int MAX_OUTPUTS = 500;
    private static final SecureRandom SEEDS = new SecureRandom();

    private final Simulations simulations;
    private final WorkbookService workbooks;
    private final ResultStore results;
    private final ProgressHub progress;
    private final SampleViews sampleViews;
    private final SimulationWorker worker;
    private final CarloProperties properties;
    private final Clock clock;
    private final AuditLog audit;
    private final Quotas quotas;

    public SimulationService(Simulations simulations, WorkbookService workbooks, ResultStore results,
                             ProgressHub progress, SampleViews sampleViews, SimulationWorker worker,
                             CarloProperties properties, Clock clock, AuditLog audit, Quotas quotas) {
        this.quotas = quotas;
        this.sampleViews = sampleViews;
        this.simulations = simulations;
        this.workbooks = workbooks;
        this.results = results;
        this.progress = progress;
        this.worker = worker;
        this.properties = properties;
        this.clock = clock;
        this.audit = audit;
    }

    /**
     * Checks the request completely — the workbook, every cell, distribution and correlation, by
     * building the model the worker will run — and queues it. A model the engine cannot build is
     * refused now, with the engine's message, rather than failing later in the queue.
     */
    public SimulationRecord create(Actor actor, SimulationSpec request) {
        actor.require(Role.ANALYST, "start simulations");
        if (request == null || request.workbookId() == null) {
            throw ApiException.badRequest("name the workbook to simulate: {\"workbookId\": ...}");
        }
        WorkbookRecord workbook = workbooks.get(actor, request.workbookId());
        SimulationSpec spec = request.resolved(DEFAULT_ITERATIONS, SEEDS.nextLong() >>> 16);
        long max = properties.simulations().maxIterations();
        if (spec.iterations() < 1 || spec.iterations() > max) {
            throw ApiException.badRequest("iterations must be between 1 and " + String.format("%,d", max) + ", got "
                    + spec.iterations());
        }
        quotas.checkIterations(actor.organization(), spec.iterations());
        if (spec.inputs().size() > MAX_INPUTS || spec.outputs().size() > MAX_OUTPUTS) {
            throw ApiException.badRequest("a simulation takes at most " + MAX_INPUTS + " inputs and " + MAX_OUTPUTS
                    + " outputs");
        }
        for (SimulationSpec.Input in : spec.inputs()) {
            if (in == null || blank(in.cell()) || blank(in.distribution())) {
                throw ApiException.badRequest("every input needs a cell and a distribution, e.g. "
                        + "{\"cell\": \"Sheet1!B3\", \"distribution\": \"Normal(100, 10)\"}");
            }
        }
        for (SimulationSpec.Output out : spec.outputs()) {
            if (out == null || blank(out.cell())) {
                throw ApiException.badRequest("every output needs a cell, e.g. {\"cell\": \"Sheet1!D10\"}");
            }
        }
        for (SimulationSpec.Correlation c : spec.correlations()) {
            if (c == null || blank(c.first()) || blank(c.second())) {
                throw ApiException.badRequest("every correlation needs two input cells and a coefficient, e.g. "
                        + "{\"first\": \"B3\", \"second\": \"B4\", \"coefficient\": 0.6}");
            }
        }
        if (spec.name() != null && spec.name().length() > 200) {
            throw ApiException.badRequest("the name must have at most 200 characters");
        }
        LinkedWorkbook linked = workbooks.linked(actor, workbook.id());
        ModelFactory.model(linked, spec);
        ModelFactory.settings(spec, 1);
        SimulationRecord record = new SimulationRecord(UUID.randomUUID(), actor.organization(), workbook.id(),
                actor.userId(), spec.name(), SimulationState.QUEUED, spec, spec.iterations(), spec.seed(),
                spec.sampling().toLowerCase(java.util.Locale.ROOT), clock.instant(), null, null, 0, null, null, null,
                false, null, null, 0);
        quotas.startRun(actor.organization(), () -> simulations.insert(record));
        audit.record(AuditEvent.of(actor, "simulation.start", "simulation", record.id())
                .with("workbook", workbook.id()).with("iterations", spec.iterations()));
        worker.wake();
        return record;
    }

    public SimulationRecord get(Actor actor, UUID id) {
        return simulations.find(actor.organization(), id).orElseThrow(() -> ApiException.notFound("simulation"));
    }

    public List<SimulationRecord> list(Actor actor, UUID workbook, String state, int limit, int offset) {
        if (limit < 1 || limit > 500 || offset < 0) {
            throw ApiException.badRequest("limit must be between 1 and 500 and offset at least 0");
        }
        SimulationState s = null;
        if (state != null && !state.isBlank()) {
            try {
                s = SimulationState.valueOf(state.trim().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("unknown state '" + state
                        + "': use queued, running, completed, failed or cancelled");
            }
        }
        return simulations.list(actor.organization(), workbook, s, limit, offset);
    }

    /** Cancels a queued simulation at once, a running one within a heartbeat. */
    public SimulationRecord cancel(Actor actor, UUID id) {
        actor.require(Role.ANALYST, "cancel simulations");
        SimulationRecord s = get(actor, id);
        if (s.state().finished()) {
            throw ApiException.conflict("the simulation is already " + s.state().label());
        }
        if (!simulations.cancelQueued(actor.organization(), id, clock.instant())) {
            simulations.requestCancel(actor.organization(), id);
        }
        audit.record(AuditEvent.of(actor, "simulation.cancel", "simulation", id));
        return get(actor, id);
    }

    public void delete(Actor actor, UUID id) {
        actor.require(Role.ANALYST, "delete simulations");
        SimulationRecord s = get(actor, id);
        if (!s.state().finished()) {
            throw ApiException.conflict("the simulation is " + s.state().label() + ": cancel it before deleting it");
        }
        List<String> blobs = results.blobsOf(List.of(id));
        if (simulations.delete(actor.organization(), id)) {
            sampleViews.evict(id);
            results.deleteBlobs(blobs);
            audit.record(AuditEvent.of(actor, "simulation.delete", "simulation", id));
        }
    }

    public SseEmitter events(Actor actor, UUID id) {
        return progress.subscribe(get(actor, id));
    }

    /** The results JSON of a completed simulation. */
    public String results(Actor actor, UUID id) {
        requireCompleted(get(actor, id));
        return results.summary(actor.organization(), id)
                .orElseThrow(() -> ApiException.notFound("results for this simulation"));
    }

    /** The full result with its samples, for the CSV and the Excel report: an export, recorded as such. */
    public SimulationResult export(Actor actor, UUID id, String format) {
        requireCompleted(get(actor, id));
        SimulationResult result = results.result(actor.organization(), id)
                .orElseThrow(() -> ApiException.notFound("results for this simulation"));
        audit.record(AuditEvent.of(actor, "simulation.export", "simulation", id).with("format", format));
        return result;
    }

    /** An output's histogram with {@code bins} bins, from the stored samples. */
    public SampleViews.HistogramView histogram(Actor actor, UUID id, String output, int bins) {
        requireCompleted(get(actor, id));
        return sampleViews.histogram(id, () -> storedSamples(actor, id), output, bins);
    }

    /** At most {@code limit} iterations' values of an output and an input, for a scatter chart. */
    public SampleViews.ScatterView scatter(Actor actor, UUID id, String output, String input, int limit) {
        requireCompleted(get(actor, id));
        return sampleViews.scatter(id, () -> storedSamples(actor, id), output, input, limit);
    }

    private ResultStore.StoredSamples storedSamples(Actor actor, UUID id) {
        return results.samples(actor.organization(), id)
                .orElseThrow(() -> ApiException.notFound("results for this simulation"));
    }

    private static void requireCompleted(SimulationRecord s) {
        if (s.state() != SimulationState.COMPLETED) {
            throw ApiException.conflict("the simulation is " + s.state().label()
                    + (s.state().finished() ? " and has no results" : ": results come when it completes"));
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
