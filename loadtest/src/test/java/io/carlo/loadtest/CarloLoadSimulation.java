package io.carlo.loadtest;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.percent;
import static io.gatling.javaapi.core.CoreDsl.rampConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.RawFileBodyPart;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * A day at Carlo, compressed: analysts browse workbooks, simulations and results, look at sheets,
 * watch progress, upload workbooks and start runs, against a running server. The closed model
 * keeps {@code users} sessions going at once (a new one starts when one ends), each pausing as a
 * person does between clicks.
 *
 * <pre>
 * mvn -f loadtest/pom.xml gatling:test -Dcarlo.url=http://localhost:8080 -Dusers=2000 -Dduration=120
 * </pre>
 */
public class CarloLoadSimulation extends Simulation {

    private static final String URL = System.getProperty("carlo.url", "http://localhost:8080");
    private static final int USERS = Integer.getInteger("users", 500);
    private static final int DURATION = Integer.getInteger("duration", 120);
    private static final int RAMP = Integer.getInteger("ramp", 30);
    private static final int ORGANIZATIONS = Integer.getInteger("organizations", 20);
    /**
     * Multiplies every think time. 1 is a person's pace: a few seconds between clicks, longer to
     * read a page of results (what the concurrent-user targets are stated at); 0.2 compresses a
     * session five times, to find the instance's saturation point with fewer virtual users.
     */
    private static final double THINK = Double.parseDouble(System.getProperty("think", "1"));

    private static volatile List<Fixtures.Tenant> tenants = List.of();

    private static final AtomicLong SESSIONS = new AtomicLong();

    /**
     * Sessions take the prepared organizations in turn, each with the next of its API keys: as many
     * keys as concurrent sessions, so no two sessions running at once share a key (people do not).
     */
    private static final Iterator<Map<String, Object>> TENANTS = Stream.generate(() -> {
        long n = SESSIONS.getAndIncrement();
        Fixtures.Tenant t = tenants.get((int) (n % tenants.size()));
        String key = t.apiKeys().get((int) ((n / tenants.size()) % t.apiKeys().size()));
        return Map.<String, Object>of("key", key, "workbook", t.workbookId(), "smallWorkbook",
                t.smallWorkbookId(), "simulation", t.simulationId());
    }).iterator();

    private final HttpProtocolBuilder protocol = http.baseUrl(URL)
            .acceptHeader("application/json")
            .header("Authorization", "Bearer #{key}")
            .userAgentHeader("carlo-loadtest");

    private static Duration think(long millis) {
        return Duration.ofMillis(Math.round(millis * THINK));
    }

    private static final ChainBuilder BROWSE = io.gatling.javaapi.core.CoreDsl.exec(
                    http("list workbooks").get("/api/v1/workbooks").check(status().is(200)))
            .pause(think(2_500), think(10_000))
            .exec(http("list simulations").get("/api/v1/simulations").check(status().is(200)))
            .pause(think(2_500), think(10_000))
            .exec(http("simulation").get("/api/v1/simulations/#{simulation}").check(status().is(200)))
            .exec(http("results").get("/api/v1/simulations/#{simulation}/results").check(status().is(200)))
            // reading the results page
            .pause(think(5_000), think(20_000))
            .exec(http("sheet cells").get("/api/v1/workbooks/#{workbook}/sheets/0/cells?range=A1:J40")
                    .check(status().is(200)))
            .pause(think(2_500), think(10_000));

    /** A finished run's progress stream: one event, then the server ends it. */
    private static final ChainBuilder WATCH_FINISHED = io.gatling.javaapi.core.CoreDsl.exec(
            http("progress stream (finished run)").get("/api/v1/simulations/#{simulation}/events")
                    .header("Accept", "text/event-stream").check(status().is(200)));

    /** Starts a small run and follows its progress as the UI's progress bar would, by its resource. */
    private static final ChainBuilder RUN = io.gatling.javaapi.core.CoreDsl.exec(http("start simulation")
                    .post("/api/v1/simulations").header("Content-Type", "application/json")
                    .body(StringBody("""
                            {"workbookId": "#{smallWorkbook}", "iterations": 2000, "inputs": [
                              {"cell": "B5", "distribution": "Triangular(400,500,700)"},
                              {"cell": "B6", "distribution": "Uniform(130,170)"}],
                             "outputs": [{"cell": "B17"}]}"""))
                    .check(status().is(201), jsonPath("$.id").saveAs("run")))
            .exitHereIfFailed()
            // a progress bar gives up after two minutes too
            .asLongAs(session -> session.getInt("poll") < 120 && (!session.contains("state")
                    || List.of("queued", "running").contains(session.getString("state"))), "poll", false)
            .on(io.gatling.javaapi.core.CoreDsl.pause(Duration.ofSeconds(1))
                    .exec(http("run progress").get("/api/v1/simulations/#{run}")
                            .check(status().is(200), jsonPath("$.state").saveAs("state"))));

    private static final ChainBuilder UPLOAD = io.gatling.javaapi.core.CoreDsl.exec(http("upload workbook")
            .post("/api/v1/workbooks")
            .bodyPart(RawFileBodyPart("file", Fixtures.workbook("project-costs.xlsx").toString())
                    .fileName("project-costs.xlsx").contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
            .asMultipartForm()
            .check(status().is(201)));

    private final ScenarioBuilder analysts = scenario("analysts")
            .feed(TENANTS)
            .exec(BROWSE)
            .randomSwitch().on(
                    percent(10.0).then(RUN),
                    percent(3.0).then(UPLOAD),
                    percent(20.0).then(WATCH_FINISHED));

    {
        setUp(analysts.injectClosed(rampConcurrentUsers(0).to(USERS).during(Duration.ofSeconds(RAMP)),
                        constantConcurrentUsers(USERS).during(Duration.ofSeconds(DURATION))))
                .protocols(protocol)
                .assertions(global().failedRequests().count().is(0L));
    }

    @Override
    public void before() {
        System.out.printf("preparing %d organizations on %s ...%n", ORGANIZATIONS, URL);
        tenants = Fixtures.prepare(URL, ORGANIZATIONS, (USERS + ORGANIZATIONS - 1) / ORGANIZATIONS);
        System.out.printf("load: %d concurrent sessions for %d s (after a %d s ramp), think times x%s%n", USERS,
                DURATION, RAMP, THINK);
    }
}
