package io.carlo.server.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.carlo.server.operations.PromQlSelectors.Selector;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PromQlSelectorsTest {

    @Test
    void findsMetricsAndTheirLabelsNotFunctionsOrGroupings() {
        assertThat(PromQlSelectors.of("histogram_quantile(0.95, sum by (le, uri) (rate("
                + "http_server_requests_seconds_bucket{job=~\"$job\",uri=~\"/api/.*\",uri!=\"/api/v1/x/{id}/events\"}"
                + "[$__rate_interval])))"))
                .containsExactly(new Selector("http_server_requests_seconds_bucket", Set.of("job", "uri")));
    }

    @Test
    void findsEverySideOfABinaryExpression() {
        assertThat(PromQlSelectors.of("(sum(carlo_workers_slots) or vector(0)) == 0 and max(carlo_queue_depth) > 0"))
                .containsExactly(new Selector("carlo_workers_slots", Set.of()), new Selector("carlo_queue_depth", Set.of()));
        assertThat(PromQlSelectors.of("up{job=\"carlo\"} == 0"))
                .containsExactly(new Selector("up", Set.of("job")));
        assertThat(PromQlSelectors.of("sum(increase(carlo_leases_expired_total[15m])) > 3 offset 5m"))
                .containsExactly(new Selector("carlo_leases_expired_total", Set.of()));
    }
}
