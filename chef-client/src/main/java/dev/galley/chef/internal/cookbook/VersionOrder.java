package dev.galley.chef.internal.cookbook;

import java.math.BigInteger;
import java.util.Comparator;
import java.util.regex.Pattern;

/**
 * Orders cookbook versions as Chef does ("1.10.0" after "1.9.2"), and checks and normalises the versions a
 * cookbook's metadata declares.
 */
public final class VersionOrder {
    private static final Pattern CHEF_VERSION = Pattern.compile("\\d+\\.\\d+(\\.\\d+)?");

    /** Ascending: numeric parts compared as numbers; a part that is not a number sorts after the numbers. */
    public static final Comparator<String> ASCENDING = VersionOrder::compare;
    public static final Comparator<String> NEWEST_FIRST = ASCENDING.reversed();

    private VersionOrder() {
    }

    private static int compare(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            String p = i < x.length ? x[i] : "0";
            String q = i < y.length ? y[i] : "0";
            boolean pn = isNumber(p);
            boolean qn = isNumber(q);
            int c = pn && qn ? new BigInteger(p).compareTo(new BigInteger(q))
                    : pn != qn ? (pn ? -1 : 1) : p.compareTo(q);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static boolean isNumber(String s) {
        return !s.isEmpty() && s.chars().allMatch(Character::isDigit);
    }

    /** Whether a string is a version Chef accepts in metadata: "1.2" or "1.2.3". */
    public static boolean isChefVersion(String version) {
        return version != null && CHEF_VERSION.matcher(version).matches();
    }

    /** "1.2" → "1.2.0", as Chef's metadata normalises it; other valid versions unchanged. */
    public static String normalize(String version) {
        return version.chars().filter(c -> c == '.').count() == 1 ? version + ".0" : version;
    }
}
