package io.carlo.engine.function.text;

import io.carlo.engine.function.FunctionGroup;
import io.carlo.engine.function.FunctionRegistry;

/**
 * Excel's text functions. Shared rules (TextArgs): positions are 1-based, a start below 1 or a
 * negative count is #VALUE!, numbers become text in General format and booleans TRUE/FALSE, and a
 * result longer than 32,767 characters is #VALUE!. Number formats live in
 * {@link io.carlo.engine.format.ExcelNumberFormat}.
 */
public final class TextFunctions implements FunctionGroup {

    @Override
    public void register(FunctionRegistry registry) {
        SubstringFunctions.register(registry);
        CleanupFunctions.register(registry);
        SearchFunctions.register(registry);
        JoinFunctions.register(registry);
        NumberTextFunctions.register(registry);
        CharacterFunctions.register(registry);
        ValueToTextFunctions.register(registry);
        DelimiterFunctions.register(registry);
    }
}
