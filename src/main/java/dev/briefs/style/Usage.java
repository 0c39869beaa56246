package dev.briefs.style;

import java.util.List;

/**
 * One entry of a language's {@code use}: the form a text must use, and the variants it must not
 * ({@code Kyiv: [Kiev]}). A form with no variants is still required where its source has it.
 */
public record Usage(String form, List<String> variants) {

    public Usage {
        variants = List.copyOf(variants);
    }
}
