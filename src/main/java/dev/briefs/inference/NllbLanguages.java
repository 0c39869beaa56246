package dev.briefs.inference;

import java.util.Locale;
import java.util.Map;

/**
 * ISO 639-1 codes (as the job file and the article language detector use them) to NLLB-200's
 * FLORES-200 language codes, which are tokens of the NLLB tokenizer. A language missing here can
 * still be asked for by its NLLB code ({@code deu_Latn}).
 */
public final class NllbLanguages {

    private static final Map<String, String> ISO_TO_NLLB = Map.ofEntries(
            Map.entry("ar", "arb_Arab"),
            Map.entry("be", "bel_Cyrl"),
            Map.entry("bg", "bul_Cyrl"),
            Map.entry("cs", "ces_Latn"),
            Map.entry("da", "dan_Latn"),
            Map.entry("de", "deu_Latn"),
            Map.entry("el", "ell_Grek"),
            Map.entry("en", "eng_Latn"),
            Map.entry("es", "spa_Latn"),
            Map.entry("et", "est_Latn"),
            Map.entry("fi", "fin_Latn"),
            Map.entry("fr", "fra_Latn"),
            Map.entry("he", "heb_Hebr"),
            Map.entry("hi", "hin_Deva"),
            Map.entry("hr", "hrv_Latn"),
            Map.entry("hu", "hun_Latn"),
            Map.entry("it", "ita_Latn"),
            Map.entry("ja", "jpn_Jpan"),
            Map.entry("ka", "kat_Geor"),
            Map.entry("kk", "kaz_Cyrl"),
            Map.entry("ko", "kor_Hang"),
            Map.entry("lt", "lit_Latn"),
            Map.entry("lv", "lvs_Latn"),
            Map.entry("nl", "nld_Latn"),
            Map.entry("no", "nob_Latn"),
            Map.entry("pl", "pol_Latn"),
            Map.entry("pt", "por_Latn"),
            Map.entry("ro", "ron_Latn"),
            Map.entry("ru", "rus_Cyrl"),
            Map.entry("sk", "slk_Latn"),
            Map.entry("sl", "slv_Latn"),
            Map.entry("sr", "srp_Cyrl"),
            Map.entry("sv", "swe_Latn"),
            Map.entry("tr", "tur_Latn"),
            Map.entry("uk", "ukr_Cyrl"),
            Map.entry("vi", "vie_Latn"),
            Map.entry("zh", "zho_Hans"));

    private NllbLanguages() {}

    /** The NLLB code of an ISO 639-1 code, or null when the table has none. */
    public static String nllbCode(String iso) {
        return iso == null ? null : ISO_TO_NLLB.get(iso.toLowerCase(Locale.ROOT));
    }
}
