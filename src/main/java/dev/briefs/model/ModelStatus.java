package dev.briefs.model;

import java.util.List;

/**
 * What is on disk for one model, for {@code models verify}, {@code models list} and the job's preflight.
 *
 * @param name     model name
 * @param state    the verdict
 * @param changed  files whose size or SHA-256 differs from the manifest (CHANGED)
 * @param missing  files of the manifest, or of the catalog entry, that are not there (INCOMPLETE)
 * @param manifest the manifest when one could be read, else null
 * @param detail   one line of explanation, may be empty
 */
public record ModelStatus(
        String name, State state, List<String> changed, List<String> missing, Manifest manifest, String detail) {

    public enum State {
        /** No {@code models/NAME/} folder. */
        NOT_INSTALLED,
        /** Every file of the manifest is there with its size and hash. */
        OK,
        /** Some file's content differs from the manifest. */
        CHANGED,
        /** A file is missing, or the folder has no readable manifest, or lacks a file the catalog lists. */
        INCOMPLETE,
        /** Installed and intact, but not the commit the catalog pins. */
        OUTDATED,
        /** Comes with the application; nothing on disk to check. */
        BUNDLED,
        /**
         * A folder without a manifest: put there by hand (an export made locally, a copy). It is used
         * as it is; there is nothing to verify it against. A fetch never leaves such a folder, since it
         * installs by renaming a complete, verified download into place.
         */
        UNMANAGED
    }

    public ModelStatus {
        changed = List.copyOf(changed);
        missing = List.copyOf(missing);
        detail = detail == null ? "" : detail;
    }

    /** Whether the job can use the model as it is. */
    public boolean usable() {
        return state == State.OK || state == State.BUNDLED || state == State.UNMANAGED;
    }

    /** One line: {@code opus-mt-en-uk: changed: onnx/x.onnx}. */
    public String describe() {
        String s = switch (state) {
            case NOT_INSTALLED -> "not installed";
            case OK -> "ok";
            case BUNDLED -> "bundled with the application";
            case CHANGED -> "changed: " + String.join(", ", changed);
            case INCOMPLETE -> missing.isEmpty() ? "incomplete" : "missing file: " + String.join(", ", missing);
            case OUTDATED -> "outdated";
            case UNMANAGED -> "installed by hand (no manifest, not verified)";
        };
        return name + ": " + s + (detail.isEmpty() ? "" : " (" + detail + ")");
    }
}
