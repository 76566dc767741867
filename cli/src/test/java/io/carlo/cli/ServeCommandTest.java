package io.carlo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** `carlo serve` takes any server setting as --name=value, as the README says. */
class ServeCommandTest {

    @Test
    void settingsWrittenAsOptionsArePassedOn() {
        ServeCommand serve = new ServeCommand();
        new CommandLine(serve).parseArgs("--port", "9000", "--carlo.workers.slots=2",
                "--spring.web.resources.static-locations=file:/tmp/ui/");
        assertThat(serve.port).isEqualTo(9000);
        assertThat(serve.settings()).containsExactly("--carlo.workers.slots=2",
                "--spring.web.resources.static-locations=file:/tmp/ui/");
    }
}
