package io.carlo.engine.bench;

/**
 * One uncertain input of a benchmark model: a cell and the distribution it is given, written as on
 * the command line ({@code 'Model'!B3} and {@code Triangular(0.02, 0.08, 0.15)}).
 */
public record BenchmarkInput(String cell, String distribution) {

    /** The {@code --input} argument of {@code carlo run}: {@code 'Model'!B3=Triangular(0.02, 0.08, 0.15)}. */
    public String spec() {
        return cell + "=" + distribution;
    }
}
