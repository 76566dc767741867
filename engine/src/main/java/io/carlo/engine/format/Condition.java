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

    /**
     * True for [<0] and [<=0], the conditions that make a section a negative-number section, which
     * shows its numbers without a minus sign like the plain second section does.
     */
    boolean isNegativeSection() {
        return operand == 0 && (operator.equals("<") || operator.equals("<="));
    }
}
