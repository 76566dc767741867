package io.carlo.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.carlo.server.testing.ApiClient;
import io.carlo.server.testing.RunningServer;
import io.carlo.server.testing.TestDatabase;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The server serves the browser UI: its page at / and at every page's own address (deep links),
 * its assets cached for good, under a strict content security policy, without opening the API.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebUiServingTest {

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
}
