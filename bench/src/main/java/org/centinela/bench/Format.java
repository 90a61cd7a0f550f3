package org.centinela.bench;

import java.util.Locale;

/** Numbers as they appear in results: a few significant decimals, never "NaN" in JSON. */
final class Format {

    private Format() {
    }

    static Double round(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return null;
        }
        double scale = Math.abs(value) >= 100 ? 10 : Math.abs(value) >= 1 ? 100 : 1000;
        return Math.round(value * scale) / scale;
    }

    static String number(double value) {
        Double rounded = round(value);
        if (rounded == null) {
            return "n/a";
        }
        return rounded == Math.rint(rounded) && Math.abs(rounded) >= 100
                ? String.format(Locale.ROOT, "%,d", rounded.longValue())
                : String.format(Locale.ROOT, "%s", rounded);
    }

    static String millis(double value) {
        return number(value) + " ms";
    }

    static double ratio(double value, double limit) {
        return limit > 0 ? value / limit : Double.NaN;
    }
}
