package io.carlo.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The arguments inspect and verify share: the workbook and the output format. */
final class WorkbookArguments {

    @Parameters(paramLabel = "FILE", description = "the workbook (.xlsx or .xls)")
    Path file;

    @Option(names = "--json", description = "print JSON instead of text")
    boolean json;
}
