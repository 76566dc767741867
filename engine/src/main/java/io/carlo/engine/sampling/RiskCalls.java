package io.carlo.engine.sampling;

import java.util.Locale;
import java.util.Set;

/**
 * The @RISK-style functions a workbook may use to declare its model in the cells: distributions
 * ({@code RiskNormal(100,10)}), their property functions ({@code RiskTruncate}, {@code RiskName}...)
 * and {@code RiskOutput}. Carlo runs such a model unchanged.
 */
public final class RiskCalls {

    /** @RISK functions that are not distributions: properties, statistics and markers. */
    private static final Set<String> NOT_DISTRIBUTIONS = Set.of(
            "RISKOUTPUT", "RISKNAME", "RISKTRUNCATE", "RISKTRUNCATEP", "RISKSHIFT", "RISKSTATIC", "RISKSEED",
            "RISKCORRMAT", "RISKLOCK", "RISKUNITS", "RISKCATEGORY", "RISKCOLLECT", "RISKMEAN", "RISKSTDDEV",
            "RISKPERCENTILE", "RISKMIN", "RISKMAX", "RISKCURRENTITER", "RISKCURRENTSIM", "RISKISTRUNCATED",
            "RISKSIMTABLE", "RISKCONVERGENCE", "RISKSENSITIVITY", "RISKIMPORTANCE");

    /** Property functions that may appear among a distribution's arguments. */
    private static final Set<String> PROPERTIES = Set.of(
            "RISKNAME", "RISKTRUNCATE", "RISKTRUNCATEP", "RISKSHIFT", "RISKSTATIC", "RISKSEED", "RISKCORRMAT",
            "RISKLOCK", "RISKUNITS", "RISKCATEGORY", "RISKCOLLECT", "RISKISTRUNCATED");

    private RiskCalls() {
    }

    public static boolean isDistribution(String name) {
        String n = name.toUpperCase(Locale.ROOT);
        return n.startsWith("RISK") && n.length() > 4 && !NOT_DISTRIBUTIONS.contains(n);
    }

    public static boolean isOutput(String name) {
        return name.equalsIgnoreCase("RISKOUTPUT");
    }

    public static boolean isProperty(String name) {
        return PROPERTIES.contains(name.toUpperCase(Locale.ROOT));
    }

    /** The distribution's name without the Risk prefix: {@code RiskTriang} is {@code Triang}. */
    public static String distributionName(String riskName) {
        return riskName.substring(4);
    }
}
