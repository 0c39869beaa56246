package dev.briefs.model;

import dev.briefs.model.hub.ModelException;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The size a file must have at a pinned commit, as {@code models/catalog.yaml} states it: an exact byte
 * count ({@code 203012345}), or the rounded size a hub page shows ({@code 203 MB}, {@code 1.38 kB},
 * {@code 74 Bytes}). Hub pages use decimal units (1 MB = 10^6 bytes) rounded to the digits they print, so
 * a rounded size matches every byte count that rounds to it: {@code 51.2 MB} is 51,150,000 to 51,250,000.
 *
 * @param text     as written in the catalog, for messages
 * @param bytes    the size in bytes (exact, or the middle of the rounded range)
 * @param slack    how far from {@code bytes} a listed size may be: 0 for an exact size, else half the unit
 *                 of the last digit written
 */
public record ExpectedSize(String text, long bytes, long slack) {

    private static final Pattern EXACT = Pattern.compile("\\d+");
    private static final Pattern ROUNDED = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([A-Za-z]+)");

    /** Parses {@code 1234}, {@code 1234 B}, {@code 74 Bytes}, {@code 1.38 kB}, {@code 51.2 MB}, {@code 1.87 GB}. */
    public static ExpectedSize parse(String value) {
        String s = value == null ? "" : value.trim();
        if (EXACT.matcher(s).matches()) {
            return new ExpectedSize(s, parseLong(s), 0);
        }
        Matcher m = ROUNDED.matcher(s);
        if (!m.matches()) {
            throw ModelException.user(
                    "size '" + s + "' is neither a byte count (203012345) nor a size as the hub shows it"
                            + " (203 MB, 1.38 kB, 74 Bytes)");
        }
        long unit = unit(m.group(2), s);
        BigDecimal number = new BigDecimal(m.group(1));
        if (unit == 1 && number.scale() > 0) {
            throw ModelException.user("size '" + s + "': a byte count has no fraction");
        }
        BigDecimal exact = number.multiply(BigDecimal.valueOf(unit));
        // Half of the last written digit, in bytes: "51.2 MB" has scale 1, so 0.05 MB.
        BigDecimal half = BigDecimal.valueOf(unit).movePointLeft(number.scale()).divide(BigDecimal.valueOf(2));
        long slack = unit == 1 ? 0 : half.longValue();
        return new ExpectedSize(s, exact.longValue(), slack);
    }

    private static long unit(String u, String whole) {
        return switch (u.toLowerCase(Locale.ROOT)) {
            case "b", "byte", "bytes" -> 1L;
            case "kb" -> 1_000L;
            case "mb" -> 1_000_000L;
            case "gb" -> 1_000_000_000L;
            case "tb" -> 1_000_000_000_000L;
            default ->
                throw ModelException.user("size '" + whole + "': unknown unit '" + u
                        + "' (B, kB, MB, GB, TB: decimal, as the hub shows sizes)");
        };
    }

    private static long parseLong(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw ModelException.user("size '" + s + "' is too big");
        }
    }

    /** Whether a size the hub lists is this one; an unknown size ({@code < 0}) never is. */
    public boolean matches(long listed) {
        return listed >= 0 && Math.abs(listed - bytes) <= slack;
    }

    /** {@code 203 MB (202,500,000 to 203,500,000 bytes)} or {@code 1,852 bytes}, for messages. */
    public String describe() {
        if (slack == 0) {
            return String.format(Locale.ROOT, "%,d bytes", bytes);
        }
        return String.format(Locale.ROOT, "%s (%,d to %,d bytes)", text, bytes - slack, bytes + slack);
    }
}
