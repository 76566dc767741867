/**
 * Reports of a finished simulation: every iteration's samples as CSV ({@link
 * io.carlo.engine.report.SamplesCsv}) and a workbook with statistics, sensitivity, samples and
 * native Excel charts ({@link io.carlo.engine.report.XlsxReport}). Both read a {@link
 * io.carlo.engine.simulation.SimulationResult} and stream their output, so a run of millions of
 * iterations is written without building it in memory. The layout is described in docs/report.md.
 */
package io.carlo.engine.report;
