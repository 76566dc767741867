package io.carlo.engine.verify;

import java.util.List;
import java.util.Map;

/**
 * The result of recomputing a workbook and comparing with the values Excel cached in it. The
 * record's component names are the JSON keys of {@code carlo verify --json} (a stable contract).
 *
 * @param formulaCells         formula cells in the workbook
 * @param compared             formula cells whose result was compared with a cached value
 * @param matched              compared cells that agree
 * @param mismatched           compared cells that differ
 * @param unsupported          formula cells not evaluated: unknown functions or syntax Carlo cannot read
 * @param noCachedValue        formula cells without a cached value in the file
 * @param volatileCells        formula cells depending on RAND, NOW and the like, whose cached value
 *                             cannot be reproduced
 * @param unsupportedFunctions unknown function name to the number of formulas calling it
 * @param mismatches           the first mismatches
 */
public record VerifyReport(int formulaCells, int compared, int matched, int mismatched, int unsupported,
                           int noCachedValue, int volatileCells, Map<String, Integer> unsupportedFunctions,
                           List<Mismatch> mismatches) {

    /** At most this many mismatches are listed. */
    public static final int MAX_MISMATCHES = 50;

    public record Mismatch(String cell, String formula, String expected, String actual) {
    }

    /** Everything compared matches and nothing was left unevaluated. */
    public boolean passed() {
        return mismatched == 0 && unsupported == 0;
    }
}
