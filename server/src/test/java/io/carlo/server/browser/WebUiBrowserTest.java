package io.carlo.server.browser;

import static io.carlo.server.browser.Browser.renderedChart;
import static io.carlo.server.browser.Browser.testId;
import static org.assertj.core.api.Assertions.assertThat;

import io.carlo.engine.testing.HostileFiles;
import io.carlo.engine.testing.TestWorkbooks;
import io.carlo.server.testing.ApiClient;
import io.carlo.server.testing.RunningServer;
import io.carlo.server.storage.Timestamps;
import io.carlo.server.testing.TestDatabase;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The web UI in a real browser against a real server (H2, a free port): a new user signs up,
 * drops the 36-month start-up plan on the page, makes two growth rates inputs and the NPV an
 * output, runs 10,000 iterations, watches the progress reach 100%, reads the histogram and the
 * tornado, downloads the Excel report, runs again and compares the two runs, and finds the upload in
 * the audit log on the settings page, whose chain verifies and whose export downloads. Other tests watch a
 * run fail and cancel a long one from their pages, and run a workbook that declares its own model (RiskNormal, RiskOutput)
 * and calls a function Carlo does not know, and delete an account from the settings page (refused
 * first, with the server's reason, while it is the only owner of a team); and the server serves the UI's page at each of its
 * addresses, under a strict content security policy, without opening the API. Every step is saved
 * under target/screenshots.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebUiBrowserTest {

    private static final String SHEET = "'WIZEMICE Likest'!";
    private TestDatabase db;
    private RunningServer server;

    @BeforeAll
    void start() {
        db = TestDatabase.create(TestDatabase.Kind.H2);
        server = RunningServer.start(db);
    }

    @AfterAll
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        if (db != null) {
            db.close();
        }
    }

    @Test
    void signUpUploadModelRunAndReadTheResults() throws Exception {
        try (Browser b = Browser.start("flow")) {
            // sign up
            b.open(server.baseUrl() + "/signup");
            b.find(By.id("email"));
            b.screenshot("sign-up");
            b.find(By.id("name")).sendKeys("Ada Lovelace");
            b.find(By.id("email")).sendKeys("ada@example.com");
            b.find(By.id("password")).sendKeys("correct horse battery");
            b.find(By.id("organization")).sendKeys("Analytical Engines");
            b.find(By.cssSelector("button[type=submit]")).click();
            b.find(By.cssSelector(".dropzone"));
            assertThat(b.find(By.cssSelector("select[aria-label=Organization]")).getText()).contains("Analytical Engines");
            b.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".card"), "No workbooks yet"));
            b.screenshot("empty-workbooks");

            // upload by drag and drop, on a slow connection so that the upload's progress shows
            b.driver.setNetworkConditions(new ChromiumNetworkConditions().setLatency(Duration.ofMillis(5))
                    .setDownloadThroughput(50_000_000).setUploadThroughput(40_000));
            dropFile(b, TestWorkbooks.shared("startup-36-month-plan.xlsx"));
            By uploadBar = By.cssSelector("[role=progressbar][aria-label='Upload progress']");
            b.until(d -> {
                var bars = d.findElements(uploadBar);
                int shown = bars.isEmpty() ? -1 : Integer.parseInt(bars.getFirst().getAttribute("aria-valuenow"));
                return shown > 0 && shown < 100;
            });
            assertThat(b.find(By.cssSelector(".card")).getText()).contains("Uploading startup-36-month-plan.xlsx");
            b.screenshot("uploading");
            b.until(ExpectedConditions.urlMatches("/workbooks/[0-9a-f-]{36}$"));
            b.driver.deleteNetworkConditions();
            b.find(By.cssSelector(".gcell[data-ref='F4']"));
            assertThat(b.find(By.cssSelector(".summary-strip")).getText()).contains("All 8 functions supported");
            b.find(By.xpath("//button[normalize-space()='Show details']")).click();
            assertThat(b.find(By.cssSelector("section[aria-label='Unsupported functions']")).getText())
                    .contains("None: Carlo computes every formula");
            assertThat(b.find(By.cssSelector("section[aria-label='Functions used']")).getText()).contains("NPV", "IRR");
            b.screenshot("uploaded-workbook-summary");
            b.find(By.xpath("//button[normalize-space()='Hide details']")).click();

            // only the cells on screen are drawn: scrolled to the end of the sheet, its last rows come in
            int drawnAtTop = b.all(By.cssSelector(".gcell")).size();
            b.script("document.querySelector('.sheet-grid').scrollTop = 190 * 24");
            assertThat(b.find(By.cssSelector(".gcell[data-ref='A200']")).getText()).isEqualTo("Order Qty Batch");
            assertThat(b.all(By.cssSelector(".gcell[data-ref='A1']"))).isEmpty();
            assertThat(b.all(By.cssSelector(".gcell")).size()).isLessThan(Math.max(drawnAtTop, 100) * 3);
            b.screenshot("sheet-scrolled-to-its-end");
            b.script("document.querySelector('.sheet-grid').scrollTop = 0");
            b.find(By.cssSelector(".gcell[data-ref='F4']"));

            // two inputs: a wrong parameter first, which the preview refuses with the engine's words
            selectCell(b, "F4");
            assertThat(b.find(testId("formula-bar")).getText()).isEqualTo("10%");
            b.clickable(testId("make-input")).click();
            chooseDistribution(b, "triang");
            setParameters(b, "0.2", "0.10", "0.15");
            assertThat(b.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".dist-editor .alert.bad")))
                    .getText()).contains("min must not be greater than most likely");
            b.screenshot("input-with-a-wrong-parameter");
            setParameters(b, "0.05", "0.10", "0.15");
            b.find(renderedChart("preview-chart"));
            assertThat(b.find(testId("distribution-call")).getText()).isEqualTo("Triangular(0.05, 0.10, 0.15)");
            b.screenshot("input-F4-preview");
            saveInput(b);

            selectCell(b, "F5");
            b.clickable(testId("make-input")).click();
            chooseDistribution(b, "triang");
            setParameters(b, "0.12", "0.15", "0.20");
            b.find(renderedChart("preview-chart"));
            saveInput(b);

            selectCell(b, "B12");
            assertThat(b.find(testId("formula-bar")).getText()).startsWith("=IFERROR(NPV(");
            b.clickable(testId("make-output")).click();
            b.until(ExpectedConditions.textToBePresentInElementLocated(testId("outputs"), "B12"));
            assertThat(b.find(testId("inputs")).getText()).contains("F4", "Triangular(0.05, 0.10, 0.15)", "F5");
            assertThat(b.all(By.cssSelector(".gcell.input"))).hasSize(2);
            assertThat(b.all(By.cssSelector(".gcell.output"))).hasSize(1);
            replace(b.find(By.id("run-name")), "base case");
            replace(b.find(By.id("iterations")), "10000");
            replace(b.find(By.id("seed")), "5");
            b.screenshot("model-ready");

            // run: the progress follows the event stream to 100%
            b.clickable(testId("run")).click();
            b.until(ExpectedConditions.urlMatches("/simulations/[0-9a-f-]{36}$"));
            String simulation = b.driver.getCurrentUrl().replaceAll(".*/simulations/", "");
            b.find(testId("progress-headline"));
            b.screenshot("running");
            b.find(By.cssSelector("[role=progressbar][aria-valuenow='100']"));
            b.until(ExpectedConditions.textToBe(testId("progress-headline"), "Completed"));
            assertThat(b.find(testId("progress-detail")).getText()).isEqualTo("10,000 of 10,000 iterations");

            // results: the numbers are the server's, the histogram and the tornado are drawn
            b.find(renderedChart("histogram-chart"));
            b.find(renderedChart("tornado-chart"));
            b.find(renderedChart("cdf-chart"));
            b.find(renderedChart("spider-chart"));
            b.find(renderedChart("scatter-chart"));
            b.find(renderedChart("convergence-chart"));
            JsonNode results = get(b, "/api/v1/simulations/" + simulation + "/results").json();
            double mean = results.path("outputs").get(0).path("statistics").path("mean").asDouble();
            String shownMean = b.find(By.cssSelector(".key-figures .figure .value")).getText();
            assertThat(Double.parseDouble(shownMean.replace(",", "").replace('−', '-'))).isCloseTo(mean,
                    org.assertj.core.data.Offset.offset(0.5));
            assertThat(b.find(testId("output-name")).getText()).isEqualTo("3-Year NPV (20%) (B12)");
            assertThat(b.find(testId("statistics")).getText()).contains("Mean", "Standard deviation", "95th percentile");
            b.screenshot("results");

            // the tornado by another measure, the histogram with another bin count
            b.find(By.xpath("//div[@aria-label='Sensitivity measure']/button[normalize-space()='Variance']")).click();
            b.until(ExpectedConditions.attributeContains(testId("tornado-chart"), "aria-label", "Contribution to variance"));
            int bins = Integer.parseInt(b.find(testId("bins")).getAttribute("value"));
            b.find(testId("bins")).sendKeys(Keys.ARROW_RIGHT);
            b.until(ExpectedConditions.attributeContains(testId("histogram-chart"), "aria-label", "with " + (bins + 1) + " bins"));
            b.script("document.querySelector('[aria-label=\"Tornado chart\"]').scrollIntoView()");
            b.screenshot("results-sensitivity");

            // the Excel report downloads and opens
            b.script("document.querySelector('.main').scrollTo(0, 0)");
            b.clickable(testId("download-report")).click();
            Path report = b.until(d -> downloaded(b.downloads, ".xlsx").orElse(null));
            byte[] bytes = Files.readAllBytes(report);
            assertThat(new String(bytes, 0, 2, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("PK");
            try (XSSFWorkbook xlsx = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
                assertThat(xlsx.getNumberOfSheets()).isGreaterThanOrEqualTo(3);
            }

            // run again with fewer iterations, then compare the two runs side by side
            b.clickable(By.xpath("//button[normalize-space()='Edit & run again']")).click();
            b.until(ExpectedConditions.urlMatches("/workbooks/[0-9a-f-]{36}$"));
            b.until(ExpectedConditions.textToBePresentInElementLocated(testId("inputs"), "F5"));
            replace(b.find(By.id("run-name")), "fewer iterations");
            replace(b.find(By.id("iterations")), "2000");
            b.clickable(testId("run")).click();
            b.until(ExpectedConditions.urlMatches("/simulations/[0-9a-f-]{36}$"));
            b.until(ExpectedConditions.textToBe(testId("progress-headline"), "Completed"));
            b.find(By.cssSelector("nav a[href='/simulations']")).click();
            b.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("table.data tbody tr"), 2));
            for (WebElement box : b.all(By.cssSelector("table.data tbody input[type=checkbox]"))) {
                box.click();
            }
            b.screenshot("simulations");
            b.clickable(testId("compare-picked")).click();
            b.until(ExpectedConditions.textToBePresentInElementLocated(testId("comparison"), "Mean"));
            b.find(renderedChart("overlay-chart"));
            b.screenshot("comparison");

            // an API key from the settings page; then sign out
            b.find(By.cssSelector("nav a[href='/settings']")).click();
            b.find(By.cssSelector("input[aria-label='Key name']")).sendKeys("nightly report");
            b.find(By.xpath("//button[normalize-space()='Create key']")).click();
            assertThat(b.find(testId("api-key-secret")).getText()).startsWith("carlo_");
            assertThat(b.find(testId("members")).getText()).contains("ada@example.com", "owner");
            b.screenshot("settings");

            // the audit log as the page opened: the sign-up, the upload and the runs; filtered by family, only the workbook's
            b.until(ExpectedConditions.textToBePresentInElementLocated(testId("audit"), "workbook.upload"));
            assertThat(b.find(testId("audit")).getText()).contains("auth.signup", "simulation.start", "ada@example.com");
            b.find(By.cssSelector("input[aria-label='Filter by action']")).sendKeys("workbook.*");
            b.find(By.xpath("//section[@aria-label='Audit log']//button[normalize-space()='Filter']")).click();
            // read in one go by the page itself: the table is redrawn when the filtered page arrives
            b.until(d -> {
                List<?> actions = (List<?>) b.script("return [...document.querySelectorAll("
                        + "'[data-testid=audit] tbody td:nth-child(3)')].map(td => td.textContent)");
                return !actions.isEmpty() && actions.stream().allMatch(a -> a.toString().startsWith("workbook."));
            });
            WebElement upload = b.find(By.xpath("//table[@data-testid='audit']//tr[td[normalize-space()='workbook.upload']]"));
            assertThat(upload.getText()).contains("ada@example.com", "workbook");
            b.clickable(testId("audit-verify")).click();
            assertThat(b.until(ExpectedConditions.visibilityOfElementLocated(testId("audit-verification"))).getText())
                    .matches("Intact \\([0-9,]+ entries\\)");
            b.script("document.querySelector('[aria-label=\"Audit log\"]').scrollIntoView()");
            b.screenshot("audit-log");
            // the export link carries the filter; the session cookie authenticates the download
            b.clickable(testId("audit-export-csv")).click();
            Path csv = b.until(d -> downloaded(b.downloads, ".csv").orElse(null));
            assertThat(Files.readString(csv)).startsWith("seq,occurredAt,action").contains(",workbook.upload,")
                    .doesNotContain("api_key.create");

            b.find(By.xpath("//button[normalize-space()='Sign out']")).click();
            b.find(By.id("password"));
            b.open(server.baseUrl() + "/simulations/" + simulation);
            b.until(ExpectedConditions.urlContains("/login?next="));
            b.screenshot("signed-out");
        }
    }

    @Test
    void aFailureShowsItsReasonAtOnceAndALongRunIsCancelled() {
        ApiClient api = signedUp("grace@example.com");
        String workbook = api.upload("/api/v1/workbooks", TestWorkbooks.shared("startup-36-month-plan.xlsx")).json()
                .path("id").asString();
        String running = queue(api, workbook, "long run", 5_000_000);
        // the server runs one simulation at a time: the second waits in the queue
        String waiting = queue(api, workbook, "waiting run", 1000);

        try (Browser b = Browser.start("failure-and-cancel")) {
            signIn(b, api);
            b.open(server.baseUrl() + "/simulations/" + waiting);
            b.until(ExpectedConditions.textToBe(testId("progress-headline"), "Queued"));
            // a run can fail while the page watches it (here its row is marked as a worker would mark it)
            String reason = "the simulation stopped its worker 3 times; it was not run again";
            assertThat(server.bean(JdbcClient.class).sql("""
                    update simulations set state = 'FAILED', error = ?, finished_at = ? where id = ? and state = 'QUEUED'""")
                    .params(reason, Timestamps.of(Instant.now()), UUID.fromString(waiting)).update()).isEqualTo(1);
            assertThat(b.until(ExpectedConditions.visibilityOfElementLocated(testId("failure"))).getText()).contains(reason);
            assertThat(b.find(testId("progress-headline")).getText()).isEqualTo("Failed");
            b.screenshot("failed");

            b.open(server.baseUrl() + "/simulations/" + running);
            b.until(ExpectedConditions.textToBePresentInElementLocated(testId("progress-detail"), "of 5,000,000 iterations"));
            b.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".progress-meta"), "iterations/s"));
            b.screenshot("long-run");
            b.clickable(testId("cancel")).click();
            b.until(ExpectedConditions.textToBe(testId("progress-headline"), "Cancelled"));
            assertThat(b.find(testId("progress-detail")).getText()).startsWith("stopped after");
            assertThat(b.all(testId("cancel"))).isEmpty();
            b.screenshot("cancelled");
        }
        assertThat(api.get("/api/v1/simulations/" + running).json().path("state").asString()).isEqualTo("cancelled");
    }

    @Test
    void anAccountIsDeletedFromTheSettingsPageOnceItsTeamHasAnotherOwner() {
        ApiClient owner = signedUp("lin@example.com");
        ApiClient colleague = signedUp("mo@example.com");
        String token = owner.post("/api/v1/organization/invitations", Map.of("email", "mo@example.com", "role", "analyst"))
                .json().path("token").asString();
        ApiClient.Response joined = colleague.post("/api/v1/invitations/" + token + "/accept", Map.of());
        assertThat(joined.status()).as(joined.toString()).isEqualTo(200);

        try (Browser b = Browser.start("delete-account")) {
            signIn(b, owner);
            b.open(server.baseUrl() + "/settings");
            b.find(testId("download-my-data"));
            assertThat(b.find(testId("download-my-data")).getAttribute("href")).endsWith("/api/v1/me/export");
            assertThat(b.find(testId("export-organization")).getAttribute("href")).contains("/api/v1/organizations/");
            b.clickable(By.xpath("//button[normalize-space()='Delete my account']")).click();
            WebElement field = b.until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm-account-deletion")));
            By confirm = By.xpath("//dialog[@open]//button[normalize-space()='Delete my account']");
            field.sendKeys("lin@example.org");
            assertThat(b.find(confirm).isEnabled()).isFalse();
            replace(field, "LIN@example.com");
            b.clickable(confirm).click();
            // the only owner of a team with another member: the server's reason, in the dialog
            assertThat(b.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("dialog[open] .alert.bad")))
                    .getText()).containsIgnoringCase("owner");
            b.screenshot("account-deletion-refused");

            // once the colleague owns the team too, the account goes and the browser is signed out
            String colleagueId = colleague.get("/api/v1/me").json().path("id").asString();
            assertThat(owner.patch("/api/v1/organization/members/" + colleagueId, Map.of("role", "owner")).status())
                    .isEqualTo(200);
            b.clickable(confirm).click();
            b.until(ExpectedConditions.urlMatches("/login$"));
            b.find(By.id("password"));
            b.screenshot("account-deleted");
        }
        assertThat(owner.get("/api/v1/me").status()).isEqualTo(401);
    }

    @Test
    void anOwnerDeletesTheOrganizationByTypingItsExactName() {
        ApiClient owner = signedUp("kim@example.com");
        assertThat(owner.post("/api/v1/organizations", Map.of("name", "Kim's Second Shop")).status()).isEqualTo(201);
        JsonNode me = owner.get("/api/v1/me").json();
        String name = me.path("organization").path("name").asString();
        String id = me.path("organization").path("id").asString();

        try (Browser b = Browser.start("delete-organization")) {
            signIn(b, owner);
            b.open(server.baseUrl() + "/settings");
            assertThat(b.find(testId("export-organization")).getAttribute("href")).endsWith("/api/v1/organizations/" + id + "/export");
            b.clickable(By.xpath("//button[normalize-space()='Delete organization']")).click();
            WebElement field = b.until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm-organization-deletion")));
            By confirm = By.xpath("//dialog[@open]//button[normalize-space()='Delete organization']");
            field.sendKeys(name.toUpperCase());
            assertThat(b.find(confirm).isEnabled()).isFalse();
            replace(field, name);
            b.screenshot("organization-deletion");
            b.clickable(confirm).click();
            b.until(ExpectedConditions.urlMatches("/workbooks$"));
            b.until(d -> !d.findElement(By.cssSelector("select[aria-label=Organization]")).getText().contains(name));
            b.screenshot("organization-deleted");
        }
        assertThat(owner.get("/api/v1/me").json().path("organizations").toString()).doesNotContain(id);
    }

    private static String queue(ApiClient api, String workbook, String name, int iterations) {
        ApiClient.Response created = api.post("/api/v1/simulations", Map.of("workbookId", workbook, "name", name,
                "iterations", iterations, "inputs", List.of(Map.of("cell", SHEET + "F4",
                        "distribution", "Triangular(0.05, 0.10, 0.15)")), "outputs", List.of(Map.of("cell", SHEET + "B12"))));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().path("id").asString();
    }

    @Test
    void aWorkbookThatDeclaresItsModelRunsAsItIsAndShowsItsUnsupportedFunction() {
        ApiClient api = signedUp("ida@example.com");
        byte[] model = HostileFiles.xlsxWithCells(Map.of("B1", 100.0), new java.util.LinkedHashMap<>(Map.of(
                "B2", "RiskNormal(100,10)", "B3", "RiskTriang(1,2,4)*B1", "B4", "RiskOutput()+B2*B3",
                "B5", "MYADDIN(B1)")));
        ApiClient.Response upload = api.upload("/api/v1/workbooks", "declared.xlsx", model);
        assertThat(upload.status()).as(upload.toString()).isEqualTo(201);
        String workbook = upload.json().path("id").asString();

        try (Browser b = Browser.start("declared")) {
            signIn(b, api);
            b.open(server.baseUrl() + "/workbooks/" + workbook);
            // the unsupported function is named, with the cell that calls it, and that cell is marked in the grid
            assertThat(b.find(By.cssSelector(".summary-strip")).getText()).contains("1 unsupported function");
            WebElement unsupported = b.find(By.cssSelector("section[aria-label='Unsupported functions']"));
            assertThat(unsupported.getText()).contains("MYADDIN", "B5");
            b.find(By.cssSelector(".gcell.unsupported[data-ref='B5']"));
            // the workbook's own inputs and output are marked already
            assertThat(b.find(testId("inputs")).getText()).contains("B2", "RiskNormal(100,10)", "B3", "RiskTriang(1,2,4)");
            assertThat(b.find(testId("outputs")).getText()).contains("B4");
            assertThat(b.all(By.cssSelector(".gcell.input"))).hasSize(2);
            b.screenshot("declared-model-and-unsupported-function");
            unsupported.findElement(By.xpath(".//button[normalize-space()='B5']")).click();
            b.until(ExpectedConditions.textToBe(testId("cell-ref"), "B5"));
            assertThat(b.find(testId("formula-bar")).getText()).isEqualTo("=MYADDIN(B1)");

            b.clickable(testId("run")).click();
            b.until(ExpectedConditions.textToBe(testId("progress-headline"), "Completed"));
            b.find(renderedChart("histogram-chart"));
            b.find(renderedChart("tornado-chart"));
            b.screenshot("declared-model-results");
        }
    }

    private ApiClient signedUp(String email) {
        ApiClient api = server.client();
        assertThat(api.post("/api/v1/auth/signup", Map.of("email", email, "password", "correct horse battery")).status())
                .isEqualTo(201);
        api.get("/api/v1/me"); // the XSRF-TOKEN cookie for what follows
        return api;
    }

    /** The browser takes over the session of a client that signed in through the API. */
    private void signIn(Browser b, ApiClient api) {
        b.open(server.baseUrl() + "/login");
        b.driver.manage().addCookie(new Cookie("CARLO_SESSION", api.cookie("CARLO_SESSION")));
    }

    @Test
    void theUiIsServedAtItsPagesAndItsAssetsAreCached() {
        ApiClient browser = server.client();
        ApiClient.Response root = browser.get("/");
        assertThat(root.status()).isEqualTo(200);
        assertThat(root.header("Content-Type")).startsWith("text/html");
        assertThat(root.body()).contains("<div id=\"app\"></div>").doesNotContain("<script>");
        assertThat(root.header("Content-Security-Policy")).contains("script-src 'self'");

        for (String page : new String[] {"/login", "/workbooks/0b3a4a52-0000-4000-8000-000000000000", "/simulations",
            "/settings", "/compare?a=1&b=2"}) {
            ApiClient.Response r = browser.get(page);
            assertThat(r.status()).as(page).isEqualTo(200);
            assertThat(r.body()).as(page).isEqualTo(root.body());
        }

        Matcher script = Pattern.compile("src=\"(/assets/[^\"]+\\.js)\"").matcher(root.body());
        assertThat(script.find()).as(root.body()).isTrue();
        ApiClient.Response asset = browser.get(script.group(1));
        assertThat(asset.status()).isEqualTo(200);
        assertThat(asset.header("Content-Type")).contains("javascript");
        assertThat(asset.header("Cache-Control")).contains("max-age=31536000").contains("immutable");
    }

    @Test
    void theApiStaysClosedAndUnknownAddressesAreNotThePage() {
        ApiClient browser = server.client();
        assertThat(browser.get("/api/v1/workbooks").status()).isEqualTo(401);
        assertThat(browser.get("/api/v1/no-such-route").status()).isEqualTo(401);
        assertThat(browser.get("/no-such-page").status()).isEqualTo(404);
        assertThat(browser.get("/assets/missing.js").status()).isEqualTo(404);
    }

    /** Drops a file on the upload zone as a browser does: a drop event whose DataTransfer holds the file. */
    private static void dropFile(Browser b, Path file) {
        WebElement source = (WebElement) b.script("""
                const input = document.createElement('input');
                input.type = 'file';
                input.id = 'drop-source';
                input.style.cssText = 'position:fixed;top:0;left:0;z-index:1000';
                document.body.appendChild(input);
                return input;""");
        source.sendKeys(file.toAbsolutePath().toString());
        b.script("""
                const source = document.getElementById('drop-source');
                const data = new DataTransfer();
                data.items.add(source.files[0]);
                const zone = document.querySelector('.dropzone');
                zone.dispatchEvent(new DragEvent('dragover', {dataTransfer: data, bubbles: true, cancelable: true}));
                zone.dispatchEvent(new DragEvent('drop', {dataTransfer: data, bubbles: true, cancelable: true}));
                source.remove();""");
    }

    private static void selectCell(Browser b, String ref) {
        b.clickable(By.cssSelector(".gcell[data-ref='" + ref + "']")).click();
        b.until(ExpectedConditions.textToBe(testId("cell-ref"), ref));
    }

    private static void chooseDistribution(Browser b, String search) {
        WebElement box = b.find(By.id("dist-search"));
        box.sendKeys(search);
        b.find(By.id("dist-Triangular"));
        box.sendKeys(Keys.ENTER);
        b.until(ExpectedConditions.attributeToBe(By.id("dist-Triangular"), "aria-selected", "true"));
    }

    private static void setParameters(Browser b, String... values) {
        for (int i = 0; i < values.length; i++) {
            replace(b.find(By.id("param-" + i)), values[i]);
        }
    }

    private static void saveInput(Browser b) {
        b.clickable(By.cssSelector(".dist-editor button.primary")).click();
        b.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".dist-editor")));
    }

    private static void replace(WebElement field, String value) {
        field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        field.sendKeys(value);
    }

    private static Optional<Path> downloaded(Path dir, String suffix) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(suffix)).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** A GET with the browser's session, as the page's own requests make it. */
    private ApiClient.Response get(Browser b, String path) throws Exception {
        String session = b.driver.manage().getCookieNamed("CARLO_SESSION").getValue();
        HttpResponse<String> res = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .header("Cookie", "CARLO_SESSION=" + session).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
        return new ApiClient.Response(res.statusCode(), res.body(), res.headers().map(), res.body().getBytes());
    }
}
