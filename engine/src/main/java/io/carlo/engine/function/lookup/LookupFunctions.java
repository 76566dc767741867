package io.carlo.engine.function.lookup;

import io.carlo.engine.function.FunctionGroup;
import io.carlo.engine.function.FunctionRegistry;

/**
 * Lookup and reference functions. Each family lives in its own class:
 * <ul>
 *   <li>{@link ClassicLookups}: VLOOKUP, HLOOKUP, LOOKUP, MATCH</li>
 *   <li>{@link ModernLookups}: XLOOKUP, XMATCH</li>
 *   <li>{@link IndexFunction}: INDEX</li>
 *   <li>{@link ReferenceFunctions}: OFFSET, INDIRECT, CHOOSE, ROW(S), COLUMN(S), AREAS, FORMULATEXT, HYPERLINK</li>
 *   <li>{@link AddressFunction}: ADDRESS</li>
 *   <li>{@link ArrayShapeFunctions}: TRANSPOSE, CHOOSECOLS/ROWS, TAKE, DROP, V/HSTACK, TOCOL/ROW,
 *       WRAPROWS/COLS, EXPAND</li>
 *   <li>{@link SortFilterFunctions}: SORT, SORTBY, UNIQUE, FILTER</li>
 * </ul>
 * The searching itself (exact, wildcard, Excel's binary search) is in {@link LookupSearch}.
 */
public final class LookupFunctions implements FunctionGroup {

    @Override
    public void register(FunctionRegistry registry) {
        ClassicLookups.register(registry);
        ModernLookups.register(registry);
        IndexFunction.register(registry);
        ReferenceFunctions.register(registry);
        AddressFunction.register(registry);
        ArrayShapeFunctions.register(registry);
        SortFilterFunctions.register(registry);
    }
}
