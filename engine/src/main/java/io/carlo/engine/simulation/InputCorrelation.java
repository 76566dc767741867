package io.carlo.engine.simulation;

import io.carlo.engine.sampling.correlation.CorrelationMatrix;
import java.util.Locale;

/**
 * Rank correlations between some of a model's inputs, and how they are induced.
 *
 * @param inputs           indexes (in the model's input list) of the correlated inputs, in matrix order
 * @param matrix           the target rank correlation matrix over them
 * @param method           Iman–Conover (reorders the whole run's samples) or a copula (per iteration)
 * @param degreesOfFreedom for the Student t copula
 */
public record InputCorrelation(int[] inputs, CorrelationMatrix matrix, Method method, double degreesOfFreedom) {

    public enum Method { IMAN_CONOVER, GAUSSIAN_COPULA, STUDENT_COPULA }

    /** Parses {@code iman-conover}, {@code gaussian} or {@code t:DF} (e.g. {@code t:5}). */
    public static InputCorrelation withMethod(int[] inputs, CorrelationMatrix matrix, String method) {
        String m = method.strip().toLowerCase(Locale.ROOT);
        if (m.equals("iman-conover") || m.equals("ic")) {
            return new InputCorrelation(inputs, matrix, Method.IMAN_CONOVER, 0);
        }
        if (m.equals("gaussian") || m.equals("normal")) {
            return new InputCorrelation(inputs, matrix, Method.GAUSSIAN_COPULA, 0);
        }
        if (m.startsWith("t:") || m.startsWith("student:")) {
            try {
                double df = Double.parseDouble(m.substring(m.indexOf(':') + 1));
                if (df > 0 && Double.isFinite(df)) {
                    return new InputCorrelation(inputs, matrix, Method.STUDENT_COPULA, df);
                }
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw new ModelException("unknown correlation method '" + method
                + "': use iman-conover, gaussian or t:DEGREES_OF_FREEDOM (e.g. t:5)");
    }
}
