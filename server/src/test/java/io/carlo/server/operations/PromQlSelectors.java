package io.carlo.server.operations;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric selectors of a PromQL expression, enough to check dashboards and alerts against what
 * a server exports: {@code sum by (le) (rate(carlo_queue_wait_seconds_bucket{job=~"$job"}[5m]))}
 * has the selector {@code carlo_queue_wait_seconds_bucket} with the label {@code job}.
 */
final class PromQlSelectors {

    /** A metric name and the label names its matchers use. */
    record Selector(String metric, Set<String> labels) {
    }

    private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left",
            "group_right", "and", "or", "unless", "bool", "offset", "inf", "nan");
    private static final Pattern GROUPING = Pattern.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern MATCHER_LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)\\s*(=~|!~|!=|=)");

    private PromQlSelectors() {
    }

    static List<Selector> of(String expr) {
        // Grafana variables ($job, $__rate_interval) are not PromQL; durations and numbers are not names
        String e = expr.replaceAll("\\$\\{?[a-zA-Z_]+}?", "1m");
        e = GROUPING.matcher(e).replaceAll(" ");
        List<Selector> found = new ArrayList<>();
        int i = 0;
        while (i < e.length()) {
            char c = e.charAt(i);
            if (c == '"') {
                Matcher s = STRING.matcher(e);
                i = s.find(i) ? s.end() : e.length();
                continue;
            }
            if (c == '[') {
                i = e.indexOf(']', i) + 1;
                continue;
            }
            if (Character.isDigit(c)) {
                while (i < e.length() && (Character.isLetterOrDigit(e.charAt(i)) || e.charAt(i) == '.')) {
                    i++;
                }
                continue;
            }
            Matcher id = IDENTIFIER.matcher(e);
            if (id.find(i) && id.start() == i) {
                String name = id.group();
                int after = skipSpaces(e, id.end());
                boolean function = after < e.length() && e.charAt(after) == '(';
                Set<String> labels = Set.of();
                int next = id.end();
                if (after < e.length() && e.charAt(after) == '{') {
                    int close = matcherEnd(e, after);
                    labels = labelsOf(e.substring(after + 1, close));
                    next = close + 1;
                }
                if (!function && !KEYWORDS.contains(name.toLowerCase())) {
                    found.add(new Selector(name, labels));
                }
                i = next;
                continue;
            }
            i++;
        }
        return found;
    }

    private static int skipSpaces(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** The closing brace of a label matcher block, ignoring braces inside quoted values ({@code "{id}"}). */
    private static int matcherEnd(String s, int open) {
        boolean quoted = false;
        for (int i = open + 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && quoted) {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == '}' && !quoted) {
                return i;
            }
        }
        throw new IllegalArgumentException("unclosed label matcher in " + s);
    }

    private static Set<String> labelsOf(String matchers) {
        Set<String> labels = new java.util.TreeSet<>();
        Matcher m = MATCHER_LABEL.matcher(STRING.matcher(matchers).replaceAll("\"\""));
        while (m.find()) {
            labels.add(m.group(1));
        }
        return labels;
    }
}
