package io.carlo.cli;

import io.carlo.engine.eval.CircularReferenceException;
import io.carlo.engine.workbook.WorkbookLoadException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code carlo} command: entry point of the command-line tool. */
@Command(name = "carlo", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Monte Carlo simulation for spreadsheet models.",
        subcommands = {InspectCommand.class, VerifyCommand.class, RunCommand.class, ServeCommand.class,
                CommandLine.HelpCommand.class})
public final class Carlo implements Runnable {

    /** Exit code for input Carlo cannot read (the contract of inspect/verify/run). */
    public static final int EXIT_UNREADABLE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code. */
    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** Runs the command line with the given output streams (tests call this directly). */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new Carlo());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler(Carlo::handleFailure);
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** A failure is one line on stderr and an exit code, never a stack trace. */
    private static int handleFailure(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        String message = switch (e) {
            case WorkbookLoadException w -> w.getMessage();
            case CircularReferenceException c -> c.getMessage();
            case io.carlo.engine.simulation.ModelException m -> m.getMessage();
            case ServerClient.ServerRefusal refused -> refused.getMessage();
            case java.io.IOException io -> "cannot write " + io.getMessage();
            default -> "internal error: " + e + " (please report it)";
        };
        cli.getErr().println("carlo: " + message);
        cli.getErr().flush();
        return e instanceof CircularReferenceException ? 1 : EXIT_UNREADABLE;
    }
}
