package io.carlo.server.api;

import io.carlo.engine.report.SamplesCsv;
import io.carlo.engine.report.XlsxReport;
import io.carlo.engine.simulation.SimulationResult;
import io.carlo.server.security.Actor;
import io.carlo.server.simulations.SampleViews;
import io.carlo.server.simulations.SimulationService;
import io.carlo.server.simulations.SimulationSpec;
import io.carlo.server.simulations.SimulationView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** Simulations: create (queued), list, read, follow live, cancel, delete; results, samples CSV, Excel report. */
@RestController
@Tag(name = "Simulations", description = "queued Monte Carlo runs and their results")
public class SimulationController {

    private final SimulationService simulations;

    public SimulationController(SimulationService simulations) {
        this.simulations = simulations;
    }

    @Operation(summary = "Queue a simulation of a workbook (analyst); the model is checked before it is queued")
    @PostMapping("/api/v1/simulations")
    @ResponseStatus(HttpStatus.CREATED)
    public SimulationView create(Actor actor, @RequestBody SimulationSpec spec) {
        return SimulationView.of(simulations.create(actor, spec));
    }

    @Operation(summary = "The organization's simulations, newest first; filter by workbookId and state")
    @GetMapping("/api/v1/simulations")
    public List<SimulationView> list(Actor actor, @RequestParam(required = false) UUID workbookId,
                                     @RequestParam(required = false) String state,
                                     @RequestParam(defaultValue = "100") int limit,
                                     @RequestParam(defaultValue = "0") int offset) {
        return simulations.list(actor, workbookId, state, limit, offset).stream().map(SimulationView::of).toList();
    }

    @Operation(summary = "One simulation with its progress")
    @GetMapping("/api/v1/simulations/{id}")
    public SimulationView get(Actor actor, @PathVariable UUID id) {
        return SimulationView.of(simulations.get(actor, id));
    }

    @Operation(summary = "Server-Sent Events: 'progress' events with the simulation until it finishes (or until this "
            + "server shuts down: open the stream again)")
    @GetMapping(value = "/api/v1/simulations/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public SseEmitter events(Actor actor, @PathVariable UUID id) {
        return simulations.events(actor, id);
    }

    @Operation(summary = "Cancel a queued or running simulation (analyst)")
    @PostMapping("/api/v1/simulations/{id}/cancel")
    public SimulationView cancel(Actor actor, @PathVariable UUID id) {
        return SimulationView.of(simulations.cancel(actor, id));
    }

    @Operation(summary = "Delete a finished simulation and its results (analyst)")
    @DeleteMapping("/api/v1/simulations/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void delete(Actor actor, @PathVariable UUID id) {
        simulations.delete(actor, id);
    }

    @Operation(summary = "Results: per output statistics, percentiles, histogram, CDF, sensitivity, convergence")
    @GetMapping(value = "/api/v1/simulations/{id}/results", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<String> results(Actor actor, @PathVariable UUID id) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(simulations.results(actor, id));
    }

    @Operation(summary = "An output's histogram with the number of bins asked for (1 to 500), from the stored samples; "
            + "output is the output's cell or name as in the results (default: the first)")
    @GetMapping("/api/v1/simulations/{id}/histogram")
    public SampleViews.HistogramView histogram(Actor actor, @PathVariable UUID id,
                                               @RequestParam(required = false) String output,
                                               @RequestParam(defaultValue = "50") int bins) {
        return simulations.histogram(actor, id, output, bins);
    }

    @Operation(summary = "An output against an input at up to 'limit' iterations evenly spaced through the run "
            + "(the same points every time), for a scatter chart")
    @GetMapping("/api/v1/simulations/{id}/samples")
    public SampleViews.ScatterView samples(Actor actor, @PathVariable UUID id,
                                           @RequestParam(required = false) String output,
                                           @RequestParam(required = false) String input,
                                           @RequestParam(defaultValue = "2000") int limit) {
        return simulations.scatter(actor, id, output, input, limit);
    }

    @Operation(summary = "Every iteration's inputs and outputs as CSV")
    @GetMapping("/api/v1/simulations/{id}/samples.csv")
    public ResponseEntity<StreamingResponseBody> samples(Actor actor, @PathVariable UUID id) {
        SimulationResult result = simulations.export(actor, id, "samples.csv");
        StreamingResponseBody body = out -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            SamplesCsv.write(result, w);
            w.flush();
        };
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment("simulation-" + id + "-samples.csv"))
                .body(body);
    }

    @Operation(summary = "The Excel report: summary, percentiles, sensitivity, samples, histogram and tornado charts")
    @GetMapping("/api/v1/simulations/{id}/report.xlsx")
    public ResponseEntity<StreamingResponseBody> report(Actor actor, @PathVariable UUID id) {
        SimulationResult result = simulations.export(actor, id, "report.xlsx");
        StreamingResponseBody body = out -> XlsxReport.write(result, out);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment("simulation-" + id + "-report.xlsx"))
                .body(body);
    }

    private static String attachment(String name) {
        return ContentDisposition.attachment().filename(name).build().toString();
    }
}
