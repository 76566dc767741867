package io.carlo.cli;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.carlo.engine.simulation.ModelSpecText;
import io.carlo.engine.simulation.SimulationResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code carlo run --server URL}: the same simulation as a local run, run by a Carlo server with the
 * organization's API key. The workbook is uploaded, the run queued and followed, the results
 * printed; the server applies its plan's quotas, rate limits and audit log as it does for the web
 * UI, and answers a refusal with its own explanation.
 */
final class RemoteRun {

    private RemoteRun() {
    }

    /** What the user asked for, as the command line gave it. */
    record Request(Path file, List<String> inputs, List<String> outputs, List<String> correlations,
                   String correlationMethod, long iterations, Long seed, String sampling, List<Double> targets,
                   double autoStop, boolean json, Path csv, Path report) {
    }

    static int run(ServerClient server, Request request, PrintWriter out, PrintWriter err, boolean showProgress)
            throws IOException {
        Map<String, Object> spec = spec(request);   // before the upload: text it cannot read sends nothing
        JsonNode workbook = server.upload(request.file());
        for (JsonNode warning : workbook.path("summary").path("warnings")) {
            err.println("carlo: note: " + warning.asText());
        }
        spec.put("workbookId", workbook.path("id").asText());
        JsonNode simulation = server.start(spec);
        String id = simulation.path("id").asText();
        RunCommand.ProgressBar bar = new RunCommand.ProgressBar(err, showProgress);
        JsonNode last = server.follow(id, event -> {
            JsonNode progress = event.path("progress");
            long total = progress.path("iterations").asLong(0);
            if (total > 0) {
                bar.progress(progress.path("iterationsDone").asLong(0), total);
            }
        });
        bar.finish();
        String state = last.path("state").asText();
        if (!state.equals("completed")) {
            err.println("carlo: the simulation " + id + " " + state
                    + (last.hasNonNull("error") ? ": " + last.path("error").asText() : ""));
            return Carlo.EXIT_UNREADABLE;
        }
        String path = "/api/v1/simulations/" + ServerClient.encode(id);
        SimulationResult results = result(server.get(path + "/results"));
        err.println("carlo: ran as simulation " + id + " on " + server.base());
        if (request.json()) {
            out.println(Json.write(RunJson.of(results)));
        } else {
            RunText.print(results, out);
        }
        out.flush();
        if (request.csv() != null) {
            server.download(path + "/samples.csv", request.csv());
        }
        if (request.report() != null) {
            server.download(path + "/report.xlsx", request.report());
        }
        return 0;
    }

    /** The body of {@code POST /api/v1/simulations}, from the command line's options, without the workbook. */
    static Map<String, Object> spec(Request r) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("iterations", r.iterations());
        if (r.seed() != null) {
            spec.put("seed", r.seed());
        }
        spec.put("sampling", r.sampling());
        // the same grammar as a local run, so that both accept and refuse the same text; the parts'
        // names are the API's ({cell, distribution}, {first, second, coefficient})
        spec.put("inputs", r.inputs().stream().map(ModelSpecText::input).toList());
        spec.put("outputs", r.outputs().stream().map(cell -> Map.of("cell", cell.strip())).toList());
        spec.put("correlations", r.correlations().stream().map(ModelSpecText::correlation).toList());
        spec.put("correlationMethod", r.correlationMethod());
        spec.put("targets", r.targets());
        if (r.autoStop() > 0) {
            spec.put("autoStop", r.autoStop());
        }
        return spec;
    }

    /**
     * The server's results as the engine's own record, without the samples: the server writes the
     * same statistics, so the command line prints them exactly as after a local run.
     */
    static SimulationResult result(JsonNode results) {
        try {
            return RESULTS.treeToValue(results, SimulationResult.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new ServerClient.ServerRefusal("the server's results are not in the form this version of carlo reads ("
                    + e.getMessage().lines().findFirst().orElse("") + "); is the server of another version?");
        }
    }

    private static final ObjectMapper RESULTS = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();
}
