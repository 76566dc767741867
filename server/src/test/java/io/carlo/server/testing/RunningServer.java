package io.carlo.server.testing;

import io.carlo.server.CarloServer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.context.ConfigurableApplicationContext;

/** A Carlo server started in this JVM on a free port, against a test database. */
public final class RunningServer implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final int port;

    private RunningServer(ConfigurableApplicationContext context) {
        this.context = context;
        this.port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    /** Starts a server; {@code extra} are more Spring-style arguments ({@code --carlo.workers.slots=2}). */
    public static RunningServer start(TestDatabase db, String... extra) {
        List<String> args = new ArrayList<>(Arrays.asList(db.serverArguments()));
        args.add("--server.port=0");
        args.add("--logging.level.root=WARN");
        args.addAll(Arrays.asList(extra));
        return new RunningServer(CarloServer.start(args.toArray(String[]::new)));
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** A new client without cookies. */
    public ApiClient client() {
        return new ApiClient(baseUrl());
    }

    @Override
    public void close() {
        context.close();
    }
}
