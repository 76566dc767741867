package io.carlo.server.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description served at {@code /api/docs} (and browsable at {@code /api/docs/ui}). */
@Configuration
public class ApiDocumentation {

    @Bean
    OpenAPI carloApi() {
        return new OpenAPI()
                .info(new Info().title("Carlo API").version("v1")
                        .description("Monte Carlo simulation of Excel workbooks: upload a workbook, queue a simulation, "
                                + "follow its progress, read its results. Authenticate with an API key "
                                + "(Authorization: Bearer carlo_...) or a browser session. Errors are RFC 9457 "
                                + "problem+json; another organization's object answers 404.")
                        .license(new License().name("Apache License 2.0")
                                .url("https://www.apache.org/licenses/LICENSE-2.0")))
                .components(new Components()
                        .addSecuritySchemes("apiKey", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").description("an API key, carlo_..."))
                        .addSecuritySchemes("session", new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.COOKIE).name("CARLO_SESSION")
                                .description("browser session; state-changing requests also send X-XSRF-TOKEN")))
                .addSecurityItem(new SecurityRequirement().addList("apiKey"))
                .addSecurityItem(new SecurityRequirement().addList("session"));
    }
}
