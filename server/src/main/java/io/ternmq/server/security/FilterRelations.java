package io.ternmq.server.security;

/**
 * Set relations between topic filters given as levels: whether every topic one matches the other matches too
 * (a rule covering a subscription), and whether any topic matches both (a deny rule touching a subscription).
 * Both follow the matching rules, including that a filter starting with a wildcard matches no topic starting
 * with '$' [MQTT-4.7.2-1].
 */
final class FilterRelations {

    private static final String SINGLE = "+";
    private static final String MULTI = "#";

    private FilterRelations() {
    }

    /** Every topic {@code filter} matches is matched by {@code rule}: {@code a/#} covers {@code a/b/+}. */
    static boolean covers(String[] rule, String[] filter) {
        for (int i = 0; ; i++) {
            if (i == rule.length) {
                return i == filter.length;
            }
            String r = rule[i];
            if (r.equals(MULTI)) {
                return i > 0 || filter.length == 0 || !isDollar(filter[0]);
            }
            if (i == filter.length) {
                return false; // the rule needs a further level the filter's shortest topics do not have
            }
            String f = filter[i];
            if (r.equals(SINGLE)) {
                if (f.equals(MULTI)) {
                    // a leading '#' never matches zero levels, so "+/#" covers "#"; elsewhere "a/#" matches "a"
                    return i == 0 && rule.length == 2 && rule[1].equals(MULTI);
                }
                if (i == 0 && isDollar(f)) {
                    return false;
                }
            } else if (!r.equals(f)) {
                return false; // a literal only covers the same literal
            }
        }
    }

    /** Some topic is matched by both filters: {@code a/+} and {@code a/secret} intersect. */
    static boolean intersect(String[] a, String[] b) {
        for (int i = 0; ; i++) {
            if (i == a.length && i == b.length) {
                return true;
            }
            if (i == a.length) {
                return b[i].equals(MULTI); // "x/#" also matches "x"
            }
            if (i == b.length) {
                return a[i].equals(MULTI);
            }
            String x = a[i];
            String y = b[i];
            boolean wildcard = isWildcard(x) || isWildcard(y);
            if (wildcard && i == 0 && (isDollar(x) || isDollar(y))) {
                return false; // [MQTT-4.7.2-1]
            }
            if (x.equals(MULTI) || y.equals(MULTI)) {
                return true;
            }
            if (!wildcard && !x.equals(y)) {
                return false;
            }
        }
    }

    static String[] levels(String filter) {
        return filter.split("/", -1);
    }

    private static boolean isWildcard(String level) {
        return level.equals(SINGLE) || level.equals(MULTI);
    }

    private static boolean isDollar(String level) {
        return !level.isEmpty() && level.charAt(0) == '$';
    }
}
