package dev.briefs.model.hub;

import java.util.Locale;

/** Human-readable byte counts. */
public final class Sizes {

    private Sizes() {}

    /** {@code 512 B}, {@code 1.5 KiB}, {@code 151.2 MiB}, {@code 1.02 GiB}. */
    public static String human(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double v = bytes;
        int i = -1;
        while (v >= 1024 && i < units.length - 1) {
            v /= 1024;
            i++;
        }
        return String.format(Locale.ROOT, v >= 100 ? "%.0f %s" : v >= 10 ? "%.1f %s" : "%.2f %s", v, units[i]);
    }
}
