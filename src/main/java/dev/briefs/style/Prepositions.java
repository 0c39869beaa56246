package dev.briefs.style;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The cases common Ukrainian prepositions take: the VESUM of the jar tags a preposition {@code prep} and no
 * more (no {@code rv_} case it governs), so these few are written here. They only narrow a word whose form is
 * the same in two cases: "у Дніпропетровську" is locative, "завдяки Дніпропетровську" dative.
 */
final class Prepositions {

    private static final Map<String, Set<String>> CASES = Map.ofEntries(
            Map.entry("у", Set.of("v_zna", "v_mis")),
            Map.entry("в", Set.of("v_zna", "v_mis")),
            Map.entry("уві", Set.of("v_zna", "v_mis")),
            Map.entry("на", Set.of("v_zna", "v_mis")),
            Map.entry("по", Set.of("v_dav", "v_zna", "v_mis")),
            Map.entry("при", Set.of("v_mis")),
            Map.entry("о", Set.of("v_zna", "v_mis")),
            Map.entry("до", Set.of("v_rod")),
            Map.entry("від", Set.of("v_rod")),
            Map.entry("для", Set.of("v_rod")),
            Map.entry("біля", Set.of("v_rod")),
            Map.entry("без", Set.of("v_rod")),
            Map.entry("після", Set.of("v_rod")),
            Map.entry("проти", Set.of("v_rod")),
            Map.entry("навколо", Set.of("v_rod")),
            Map.entry("поблизу", Set.of("v_rod")),
            Map.entry("з", Set.of("v_rod", "v_zna", "v_oru")),
            Map.entry("із", Set.of("v_rod", "v_zna", "v_oru")),
            Map.entry("зі", Set.of("v_rod", "v_zna", "v_oru")),
            Map.entry("над", Set.of("v_oru")),
            Map.entry("під", Set.of("v_zna", "v_oru")),
            Map.entry("за", Set.of("v_rod", "v_zna", "v_oru")),
            Map.entry("перед", Set.of("v_oru")),
            Map.entry("між", Set.of("v_rod", "v_oru")),
            Map.entry("про", Set.of("v_zna")),
            Map.entry("через", Set.of("v_zna")),
            Map.entry("крізь", Set.of("v_zna")),
            Map.entry("завдяки", Set.of("v_dav")),
            Map.entry("всупереч", Set.of("v_dav")),
            Map.entry("назустріч", Set.of("v_dav")));

    private Prepositions() {}

    /** The cases a word governs when it is one of these prepositions; none otherwise. */
    static Set<String> cases(String word) {
        return CASES.getOrDefault(word.toLowerCase(Locale.ROOT), Set.of());
    }
}
