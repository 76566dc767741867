package io.carlo.cli;

import io.carlo.server.CarloServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Unmatched;

@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Start the Carlo server: REST API, simulation workers and (when built) the web UI.",
                "Without configuration it keeps everything under the data directory (embedded database and files). "
                        + "Set CARLO_DB_URL, CARLO_DB_USER and CARLO_DB_PASSWORD to share a PostgreSQL database "
                        + "between several instances."})
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--port", paramLabel = "PORT", description = "HTTP port (default: $CARLO_PORT or 8080)")
    Integer port;

    @Option(names = "--data", paramLabel = "DIR", description = "data directory (default: $CARLO_DATA or ./carlo-data)")
    Path data;

    @Parameters(paramLabel = "--name=value", arity = "0..*",
            description = "further settings, e.g. --carlo.workers.slots=2 (see the README)")
    List<String> settings = new ArrayList<>();

    /** Picocli sees {@code --name=value} as an option it does not know: such settings land here. */
    @Unmatched
    List<String> unmatched = new ArrayList<>();

    /** The further settings in the order given. */
    List<String> settings() {
        List<String> all = new ArrayList<>(unmatched);
        all.addAll(settings);
        return all;
    }

    @Override
    public Integer call() throws InterruptedException {
        List<String> args = new ArrayList<>();
        if (port != null) {
            args.add("--server.port=" + port);
        }
        if (data != null) {
            args.add("--carlo.data=" + data.toAbsolutePath());
        }
        for (String s : settings()) {
            if (!s.startsWith("--") || !s.contains("=")) {
                throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                        "settings are written --name=value, not '" + s + "'");
            }
            args.add(s);
        }
        ConfigurableApplicationContext context = CarloServer.start(args.toArray(String[]::new));
        CountDownLatch closed = new CountDownLatch(1);
        context.addApplicationListener(e -> {
            if (e instanceof org.springframework.context.event.ContextClosedEvent) {
                closed.countDown();
            }
        });
        closed.await();
        return 0;
    }
}
