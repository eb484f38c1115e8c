package dev.galley.knife.internal;

import dev.galley.core.GalleyException;
import java.math.BigInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A cookbook version constraint as Chef's {@code Chef::VersionConstraint} reads it ("~> 1.2", ">= 0.0.0", "= 2.0.1",
 * or a bare version meaning "="), and whether a version satisfies it.
 *
 * @param operator one of {@code = > < >= <= ~>}
 * @param version  the version, as written ("1.2" or "1.2.3")
 */
public record VersionConstraint(String operator, String version) {
    private static final Pattern FORM = Pattern.compile("^\\s*(~>|>=|<=|=|>|<)?\\s*(\\d+\\.\\d+(?:\\.\\d+)?)\\s*$");

    /** ">= 0.0.0": what {@code depends 'x'} without a constraint means. */
    public static final VersionConstraint ANY = new VersionConstraint(">=", "0.0.0");

    /** @throws GalleyException (bad input) when the text is not a Chef version constraint */
    public static VersionConstraint parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw GalleyException.badInput("'" + text + "' is not a cookbook version constraint: write it as Chef "
                    + "does, e.g. '~> 1.2', '>= 1.0.0' or '= 2.1.0'");
        }
        return new VersionConstraint(m.group(1) == null ? "=" : m.group(1), m.group(2));
    }

    /** Whether {@code candidate} ("1.2.3") satisfies this constraint. */
    public boolean includes(String candidate) {
        BigInteger[] v = parts(candidate);
        BigInteger[] c = parts(version);
        int cmp = compare(v, c);
        return switch (operator) {
            case "=" -> cmp == 0;
            case ">" -> cmp > 0;
            case "<" -> cmp < 0;
            case ">=" -> cmp >= 0;
            case "<=" -> cmp <= 0;
            case "~>" -> cmp >= 0 && compare(v, pessimisticCeiling()) < 0;
            default -> throw new IllegalStateException("operator " + operator);
        };
    }

    /** "~> 1.2" allows up to 2.0.0 (exclusive); "~> 1.2.3" up to 1.3.0. */
    private BigInteger[] pessimisticCeiling() {
        BigInteger[] c = parts(version);
        boolean twoParts = version.split("\\.").length == 2;
        return twoParts ? new BigInteger[] {c[0].add(BigInteger.ONE), BigInteger.ZERO, BigInteger.ZERO}
                : new BigInteger[] {c[0], c[1].add(BigInteger.ONE), BigInteger.ZERO};
    }

    private static BigInteger[] parts(String v) {
        String[] p = v.strip().split("\\.");
        BigInteger[] out = {BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO};
        for (int i = 0; i < Math.min(3, p.length); i++) {
            try {
                out[i] = new BigInteger(p[i]);
            } catch (NumberFormatException e) {
                throw GalleyException.badInput("'" + v + "' is not a cookbook version: use x.y.z");
            }
        }
        return out;
    }

    private static int compare(BigInteger[] a, BigInteger[] b) {
        for (int i = 0; i < 3; i++) {
            int c = a[i].compareTo(b[i]);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    @Override
    public String toString() {
        return operator + " " + version;
    }
}
