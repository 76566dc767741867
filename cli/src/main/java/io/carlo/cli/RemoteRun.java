package io.carlo.cli;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.carlo.engine.simulation.SimulationResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
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
        JsonNode workbook = server.upload(request.file());
        for (JsonNode warning : workbook.path("summary").path("warnings")) {
            err.println("carlo: note: " + warning.asText());
        }
        JsonNode simulation = server.start(spec(workbook.path("id").asText(), request));
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

    /** The body of {@code POST /api/v1/simulations}, from the command line's options. */
    static Map<String, Object> spec(String workbookId, Request r) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("workbookId", workbookId);
        spec.put("iterations", r.iterations());
        if (r.seed() != null) {
            spec.put("seed", r.seed());
        }
        spec.put("sampling", r.sampling());
        List<Map<String, String>> inputs = new ArrayList<>();
        for (String input : r.inputs()) {
            int eq = unquoted(input, '=');
            if (eq < 0) {
                throw new ServerClient.ServerRefusal("input '" + input
                        + "': expected CELL=Distribution(...), e.g. 'Sheet1'!B3=Normal(100,10)");
            }
            inputs.add(Map.of("cell", input.substring(0, eq).strip(), "distribution", input.substring(eq + 1).strip()));
        }
        spec.put("inputs", inputs);
        spec.put("outputs", r.outputs().stream().map(cell -> Map.of("cell", cell.strip())).toList());
        List<Map<String, Object>> correlations = new ArrayList<>();
        for (String c : r.correlations()) {
            int eq = c.lastIndexOf('=');
            int comma = eq < 0 ? -1 : unquoted(c.substring(0, eq), ',');
            if (comma < 0) {
                throw new ServerClient.ServerRefusal("correlation '" + c
                        + "': expected CELL1,CELL2=R, e.g. 'Sheet1'!B3,'Sheet1'!B4=0.6");
            }
            double coefficient;
            try {
                coefficient = Double.parseDouble(c.substring(eq + 1).strip());
            } catch (NumberFormatException e) {
                throw new ServerClient.ServerRefusal("correlation '" + c + "': the coefficient is not a number");
            }
            correlations.add(Map.of("first", c.substring(0, comma).strip(), "second",
                    c.substring(comma + 1, eq).strip(), "coefficient", coefficient));
        }
        spec.put("correlations", correlations);
        spec.put("correlationMethod", r.correlationMethod());
        spec.put("targets", r.targets());
        if (r.autoStop() > 0) {
            spec.put("autoStop", r.autoStop());
        }
        return spec;
    }

    /** The first {@code c} outside a quoted sheet name ({@code 'a=b'!C3}), or -1. */
    private static int unquoted(String text, char c) {
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '\'') {
                quoted = !quoted;
            } else if (ch == c && !quoted) {
                return i;
            }
        }
        return -1;
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
