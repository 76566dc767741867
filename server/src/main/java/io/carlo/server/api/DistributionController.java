package io.carlo.server.api;

import io.carlo.engine.sampling.Distribution;
import io.carlo.engine.sampling.DistributionInfo;
import io.carlo.engine.sampling.DistributionPreview;
import io.carlo.engine.sampling.Distributions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The distributions an input may take, and the shape of one with given parameters, computed by the
 * engine's own distribution so that what a user sees is what will be sampled.
 */
@RestController
@Tag(name = "Distributions", description = "the catalogue of input distributions and previews of their shape")
public class DistributionController {

    /** @param example the distribution with its example parameters, e.g. {@code Normal(100, 10)} */
    public record DistributionView(String name, List<String> aliases, List<String> parameters, int required,
                                   String family, List<String> defaults, String example) {
        static DistributionView of(DistributionInfo i) {
            return new DistributionView(i.name(), i.aliases(), i.parameters(), i.required(), i.family(), i.defaults(),
                    i.example());
        }
    }

    /**
     * @param distribution as an input takes it, e.g. {@code Triangular(0.05, 0.1, 0.15)} (constant arguments)
     * @param points       grid points of a continuous density, 10 to 1,000 (default 200)
     */
    public record PreviewRequest(String distribution, Integer points) {
    }

    private static final List<DistributionView> CATALOG =
            Distributions.catalog().stream().map(DistributionView::of).toList();

    @Operation(summary = "Every distribution: name, other names, parameters, family and example values")
    @GetMapping("/api/v1/distributions")
    public List<DistributionView> catalog() {
        return CATALOG;
    }

    @Operation(summary = "The density (or, for a discrete one, the probabilities) of a distribution, with its "
            + "mean and 5th, 50th and 95th percentiles; a bad parameter is a 400 naming it")
    @PostMapping("/api/v1/distributions/preview")
    public DistributionPreview preview(@RequestBody PreviewRequest body) {
        if (body == null || body.distribution() == null) {
            throw ApiException.badRequest("send {\"distribution\": \"Normal(100, 10)\"}");
        }
        if (body.distribution().length() > 10_000) {
            throw ApiException.badRequest("the distribution is longer than 10,000 characters");
        }
        Distribution d = Distributions.parse(body.distribution());
        return DistributionPreview.of(d, body.points() == null ? 200 : body.points());
    }
}
