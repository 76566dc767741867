package io.carlo.engine.bench;

import java.nio.file.Path;
import java.util.List;

/**
 * A workbook with the simulation the benchmark runs on it: which cells become distributions and
 * which cells are the outputs. Cells are written with their sheet, as {@code carlo run} takes them.
 */
public record BenchmarkModel(String name, Path file, List<BenchmarkInput> inputs, List<String> outputs) {

    public BenchmarkModel {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }
}
