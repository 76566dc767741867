package io.carlo.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The Carlo server: REST API, persistence, job queue and simulation workers in one process.
 * {@code carlo serve} starts it; several instances may share one PostgreSQL database.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class CarloServer {

    public static void main(String[] args) {
        start(args);
    }

    /** Starts the server; Spring-style arguments ({@code --server.port=8081}) override the defaults. */
    public static ConfigurableApplicationContext start(String... args) {
        SpringApplication app = new SpringApplication(CarloServer.class);
        app.setBannerMode(org.springframework.boot.Banner.Mode.OFF);
        return app.run(args);
    }
}
