package io.carlo.engine.function.logical;

import io.carlo.engine.function.Arguments;
import io.carlo.engine.value.ErrorSignal;
import io.carlo.engine.value.ExcelError;
import io.carlo.engine.value.NumberValue;
import io.carlo.engine.value.Scalar;
import io.carlo.engine.value.Value;

/**
 * SUMPRODUCT(array1, [array2], ...): the sum of the element-wise products. Its arguments are
 * evaluated as array formulas, which makes it the classic way to count with conditions before
 * COUNTIFS existed: SUMPRODUCT((A1:A9>5)*B1:B9). Unlike arithmetic, it reads anything that is not
 * a number (text, TRUE, blanks) as 0; arrays of different shapes are #VALUE!; an error anywhere
 * is the result.
 */
final class SumProduct {

    private SumProduct() {
    }

    static Value apply(Arguments args) {
        RangeView[] arrays = new RangeView[args.size()];
        int extentRows = 0;
        int extentCols = 0;
        for (int i = 0; i < arrays.length; i++) {
            arrays[i] = RangeView.of(args.value(i), args.context());
            if (!arrays[i].sameShape(arrays[0])) {
                throw ErrorSignal.of(ExcelError.VALUE);
            }
            extentRows = Math.max(extentRows, arrays[i].dataRows());
            extentCols = Math.max(extentCols, arrays[i].dataCols());
        }
        // beyond the data every element is blank, so every product there is 0
        double sum = 0;
        ExcelError error = null;
        for (int r = 0; r < extentRows; r++) {
            for (int c = 0; c < extentCols; c++) {
                double product = 1;
                for (RangeView a : arrays) {
                    Scalar v = a.get(r, c);
                    if (v instanceof ExcelError e) {
                        error = error == null ? e : error;
                    }
                    product *= v instanceof NumberValue n ? n.value() : 0;
                }
                sum += product;
            }
        }
        if (error != null) {
            throw ErrorSignal.of(error);
        }
        return NumberValue.of(sum);
    }
}
