package dev.briefs.eval;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Fixed decimals as Python's {@code f"{x:.Nf}"} writes them: the exact binary value, rounded half to even. */
public final class Decimals {

    private Decimals() {}

    public static BigDecimal round(double x, int places) {
        return new BigDecimal(x).setScale(places, RoundingMode.HALF_EVEN);
    }

    public static String fixed(double x, int places) {
        return round(x, places).toPlainString();
    }
}
