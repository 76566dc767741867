package io.carlo.engine.function.risk;

import io.carlo.engine.function.ArgKind;
import io.carlo.engine.function.FunctionGroup;
import io.carlo.engine.function.FunctionRegistry;
import io.carlo.engine.value.NumberValue;

/**
 * @RISK's marker functions, so that a workbook written for @RISK evaluates outside a simulation as
 * it does in Excel with @RISK's simulation off: {@code RiskOutput()} is 0 (it is added to the
 * output's formula), property functions such as {@code RiskName("x")} stand for nothing.
 * Distribution functions are registered by the sampling library with their static value.
 */
public final class RiskFunctions implements FunctionGroup {

    @Override
    public void register(FunctionRegistry registry) {
        registry.function("RISKOUTPUT").args(0, 3).kinds(ArgKind.RANGE).body(args -> NumberValue.ZERO);
        for (String property : new String[] {"RISKNAME", "RISKTRUNCATE", "RISKTRUNCATEP", "RISKSHIFT", "RISKSTATIC",
                "RISKSEED", "RISKLOCK", "RISKUNITS", "RISKCATEGORY", "RISKCOLLECT", "RISKISTRUNCATED", "RISKCORRMAT"}) {
            registry.function(property).args(0, 10).kinds(ArgKind.RANGE).body(args -> NumberValue.ZERO);
        }
    }
}
