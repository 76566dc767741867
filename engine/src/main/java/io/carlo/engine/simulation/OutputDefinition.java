package io.carlo.engine.simulation;

import io.carlo.engine.workbook.CellAddress;

/** One output of a model: a cell whose value is recorded at every iteration. */
public record OutputDefinition(CellAddress cell, String label) {
}
