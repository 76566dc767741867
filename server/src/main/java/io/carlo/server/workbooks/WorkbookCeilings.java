package io.carlo.server.workbooks;

import io.carlo.engine.eval.LinkedWorkbook;
import io.carlo.engine.workbook.Sheet;
import io.carlo.server.CarloProperties;
import io.carlo.server.api.ApiException;
import java.util.Locale;

/**
 * The largest workbook this installation takes, in cells and formula cells: memory and CPU grow
 * with both, for the upload, the cache and every simulation. A global ceiling for every
 * organization (per-plan limits, when there are plans, sit below it).
 */
public final class WorkbookCeilings {

    private WorkbookCeilings() {
    }

    /** Refuses (422) a workbook over either ceiling, naming its count and the limit. */
    public static void check(LinkedWorkbook linked, CarloProperties.Uploads limits) {
        long cells = 0;
        for (Sheet sheet : linked.workbook().sheets()) {
            cells += sheet.cellCount();
        }
        if (cells > limits.maxCells()) {
            throw ApiException.unprocessable("Workbook too large", "the workbook has " + count(cells)
                    + " cells; the limit is " + count(limits.maxCells()));
        }
        long formulas = linked.workbook().formulaCount();
        if (formulas > limits.maxFormulas()) {
            throw ApiException.unprocessable("Workbook too large", "the workbook has " + count(formulas)
                    + " formula cells; the limit is " + count(limits.maxFormulas()));
        }
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
