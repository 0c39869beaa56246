package dev.briefs.cli;

import dev.briefs.optimum.Variant;

/**
 * {@code --variant} of the commands that load a model without a job file ({@code translate},
 * {@code summarise}, {@code eval}). Every command follows one rule: the variant
 * {@code --variant} names, else {@link Variant#DEFAULT}; a night ({@code run}, {@code rerun-failed},
 * workers) loads its job file's {@code models.variant}, so that a rerun and the workers load what the
 * run loaded. Never whichever graphs a model folder happens to hold.
 */
final class VariantOption {

    private VariantOption() {}

    /** A command's {@code --variant} value, or {@link Variant#DEFAULT} when not given. */
    static Variant orDefault(String value) {
        return value == null ? Variant.DEFAULT : Variant.parse(value);
    }
}
