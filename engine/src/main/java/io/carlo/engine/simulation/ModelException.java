package io.carlo.engine.simulation;

/** A model that cannot be simulated as asked; the message names the cell, input or setting at fault. */
public final class ModelException extends RuntimeException {

    public ModelException(String message) {
        super(message, null, false, false);
    }
}
