package io.carlo.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.carlo.engine.testing.HostileFiles;
import io.carlo.engine.testing.TestWorkbooks;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CarloRunTest {

    @TempDir
    Path dir;

    record Result(int code, String out, String err) {
    }

    private static Result carlo(List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Carlo.run(new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new));
        return new Result(code, out.toString(), err.toString());
    }

    private static List<String> startup(String... extra) {
        List<String> args = new ArrayList<>(List.of("run", TestWorkbooks.shared("startup-36-month-plan.xlsx").toString(),
                "--input", "'WIZEMICE Likest'!F4=Triangular(0.05,0.10,0.15)",
                "--input", "'WIZEMICE Likest'!F5=Triangular(0.12,0.15,0.20)",
                "--input", "'WIZEMICE Likest'!F6=Triangular(0.05,0.08,0.10)",
                "--input", "'WIZEMICE Likest'!F7=Triangular(0.02,0.03,0.05)",
                "--input", "'WIZEMICE Likest'!F8=Triangular(30,40,100)",
                "--output", "'WIZEMICE Likest'!B12", "--output", "'WIZEMICE Likest'!B13",
                "--output", "'WIZEMICE Likest'!B9"));
        args.addAll(List.of(extra));
        return args;
    }

    private static JsonNode withoutRunDetails(String json) throws Exception {
        ObjectNode node = (ObjectNode) new ObjectMapper().readTree(json);
        node.remove("threads");
        node.remove("timings");
        return node;
    }

    @Test
    void sameSeedSameNumbersWhateverTheThreadCount() throws Exception {
        for (String sampling : List.of("mc", "lhs")) {
            Result one = carlo(startup("-n", "2000", "--seed", "7", "--json", "--threads", "1", "--sampling", sampling));
            Result two = carlo(startup("-n", "2000", "--seed", "7", "--json", "--threads", "2", "--sampling", sampling));
            assertEquals(0, one.code(), one.err());
            assertEquals(0, two.code(), two.err());
            assertEquals(withoutRunDetails(one.out()), withoutRunDetails(two.out()));
        }
    }

    @Test
    void jsonFollowsTheContract() throws Exception {
        Result r = carlo(startup("-n", "1000", "--seed", "3", "--json"));
        assertEquals(0, r.code(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        for (String key : List.of("iterations", "seed", "sampling", "threads", "timings", "outputs", "sensitivity")) {
            assertThat(json.has(key)).as(key).isTrue();
        }
        assertEquals(1000, json.get("iterations").asLong());
        assertEquals(3, json.get("seed").asLong());
        assertEquals("lhs", json.get("sampling").asText());
        for (String key : List.of("loadMillis", "compileMillis", "simulateMillis")) {
            assertThat(json.get("timings").has(key)).as(key).isTrue();
        }
        JsonNode npv = json.get("outputs").get(0);
        assertEquals("'WIZEMICE Likest'!B12", npv.get("cell").asText());
        for (String key : List.of("cell", "mean", "stdDev", "min", "max", "errors", "percentiles")) {
            assertThat(npv.has(key)).as(key).isTrue();
        }
        for (String p : List.of("1", "5", "10", "25", "50", "75", "90", "95", "99")) {
            assertThat(npv.get("percentiles").has(p)).as(p).isTrue();
        }
        double p5 = npv.get("percentiles").get("5").asDouble();
        double p95 = npv.get("percentiles").get("95").asDouble();
        assertThat(p5).isLessThan(p95);
        assertThat(npv.get("mean").asDouble()).isBetween(npv.get("min").asDouble(), npv.get("max").asDouble());
        assertThat(json.get("sensitivity").size()).isEqualTo(3 * 5);
    }

    @Test
    void workbookDeclaredModelRunsWithoutOptionsAndWritesCsvAndReport() throws Exception {
        Map<String, String> formulas = new LinkedHashMap<>();
        formulas.put("A1", "RiskNormal(100,10,RiskName(\"Price\"))");
        formulas.put("A2", "RiskTriang(1,2,4)");
        formulas.put("A3", "RiskOutput(\"Revenue\")+A1*A2");
        Path model = HostileFiles.write(dir, "risk.xlsx", HostileFiles.xlsxWithCells(Map.of(), formulas));
        Path csv = dir.resolve("samples.csv");
        Path report = dir.resolve("report.xlsx");
        Result r = carlo(List.of("run", model.toString(), "-n", "5000", "--seed", "1", "--csv", csv.toString(),
                "--report", report.toString(), "--target", "200"));
        assertEquals(0, r.code(), r.err());
        assertThat(r.out()).contains("Revenue").contains("sensitivity to Price").contains("P(x <= 200");
        List<String> lines = Files.readAllLines(csv);
        assertEquals(5001, lines.size());
        assertThat(lines.get(0)).isEqualTo("iteration,Model!A1,Model!A2,Model!A3");
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(report))) {
            assertThat(wb.getSheet("Summary")).isNotNull();
        }
        Result inspect = carlo(List.of("inspect", model.toString(), "--json"));
        JsonNode json = new ObjectMapper().readTree(inspect.out());
        assertEquals(2, json.get("inputs").size());
        assertEquals(1, json.get("outputs").size());
        assertEquals(0, json.get("unsupportedFunctions").size());
    }

    @Test
    void correlatedInputsReachTheirTargetRankCorrelation() throws Exception {
        String file = TestWorkbooks.shared("project-costs.xlsx").toString();
        Result r = carlo(List.of("run", file, "--input", "B5=Triangular(400,500,700)", "--input", "B6=Uniform(130,170)",
                "--input", "B7=Normal(25000,2500)", "--output", "B17", "-n", "10000", "--seed", "9", "--json",
                "--correlate", "B5,B6=0.7", "--correlate", "B6,B7=-0.5"));
        assertEquals(0, r.code(), r.err());
        JsonNode c = new ObjectMapper().readTree(r.out()).get("correlation");
        assertThat(c.get("repaired").asBoolean()).isFalse();
        assertThat(c.get("achieved").get(0).get(1).asDouble()).isCloseTo(0.7, org.assertj.core.data.Offset.offset(0.02));
        assertThat(c.get("achieved").get(1).get(2).asDouble()).isCloseTo(-0.5, org.assertj.core.data.Offset.offset(0.02));
        for (String method : List.of("gaussian", "t:5")) {
            Result copula = carlo(List.of("run", file, "--input", "B5=Triangular(400,500,700)",
                    "--input", "B6=Uniform(130,170)", "--output", "B17", "-n", "10000", "--seed", "9", "--json",
                    "--correlate", "B5,B6=0.6", "--correlation-method", method));
            assertEquals(0, copula.code(), copula.err());
            JsonNode cc = new ObjectMapper().readTree(copula.out()).get("correlation");
            assertThat(cc.get("achieved").get(0).get(1).asDouble()).as(method)
                    .isCloseTo(0.6, org.assertj.core.data.Offset.offset(0.02));
        }
        Result unknown = carlo(List.of("run", file, "--input", "B5=Triangular(400,500,700)", "--input",
                "B6=Uniform(130,170)", "--output", "B17", "--correlate", "B5,B6=0.6", "--correlation-method", "x"));
        assertThat(unknown.err()).contains("unknown correlation method 'x'");
        Result bad = carlo(List.of("run", file, "--input", "B5=Triangular(400,500,700)", "--output", "B17",
                "--correlate", "B5,B9=0.5"));
        assertEquals(2, bad.code());
        assertThat(bad.err()).contains("'Project Costs'!B9 is not an input");
    }

    @Test
    void autoStopEndsOnceTheMeanIsKnownWellEnough() throws Exception {
        String file = TestWorkbooks.shared("simple-monte-carlo.xlsx").toString();
        List<String> args = List.of("run", file, "--input", "B2=Normal(1000,100)", "--output", "B7", "-n", "2000000",
                "--seed", "4", "--auto-stop", "0.01", "--json");
        Result r = carlo(args);
        assertEquals(0, r.code(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        long ran = json.get("iterations").asLong();
        assertThat(ran).isLessThan(2_000_000).isGreaterThanOrEqualTo(10_000);
        assertEquals("mc", json.get("sampling").asText());
        JsonNode out = json.get("outputs").get(0);
        double halfWidth = (out.get("meanCiHigh").asDouble() - out.get("meanCiLow").asDouble()) / 2;
        assertThat(halfWidth).isLessThanOrEqualTo(0.01 * Math.abs(out.get("mean").asDouble()));
        // where it stops is reproducible
        assertEquals(ran, new ObjectMapper().readTree(carlo(args).out()).get("iterations").asLong());
    }

    @Test
    void badInputsAreOneLineErrors() {
        String file = TestWorkbooks.shared("simple-monte-carlo.xlsx").toString();
        Result r = carlo(List.of("run", file, "--input", "B2=Normal(100,-1)", "--output", "B7"));
        assertEquals(2, r.code());
        assertThat(r.err().strip()).startsWith("carlo: 'Monte Carlo Test'!B2: Normal").contains("standard deviation")
                .doesNotContain("\n").doesNotContain("Exception");
        r = carlo(List.of("run", file, "--input", "B2=Normal(100,10)"));
        assertEquals(2, r.code());
        assertThat(r.err()).contains("no outputs");
        r = carlo(List.of("run", file, "--input", "B2=Normal(100,10)", "--output", "B7", "--sampling", "halton"));
        assertThat(r.err()).contains("unknown sampling 'halton'");
        r = carlo(List.of("run", file, "--input", "B2=Normal(100,10)", "--output", "B7", "-n", "0"));
        assertThat(r.err()).contains("iterations must be between 1");
    }
}
