package io.carlo.engine.format;

/** A section condition such as {@code [>=100]}. */
record Condition(String operator, double operand) {

    boolean test(double value) {
        return switch (operator) {
            case "<" -> value < operand;
            case "<=" -> value <= operand;
            case ">" -> value > operand;
            case ">=" -> value >= operand;
            case "<>" -> value != operand;
            default -> value == operand;
        };
    }

    /** True when every value passing the condition is negative, so a minus sign would be redundant. */
    boolean impliesNegative() {
        return (operator.equals("<") && operand <= 0) || (operator.equals("<=") && operand < 0);
    }
}
