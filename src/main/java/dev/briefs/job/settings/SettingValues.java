package dev.briefs.job.settings;

import java.nio.file.Path;

/** The checks every block of the job file shares: a bad value stops the run with the file and the setting named. */
final class SettingValues {

    private SettingValues() {}

    static String require(String value, String name, String where) {
        if (value == null || value.isBlank()) {
            throw new JobFileException(where + ": '" + name + "' is missing; set it in the job file or pass --" + name);
        }
        return value;
    }

    /** A folder template of the job file with the run's date filled in ({@code out/briefs/{date}}). */
    static Path path(String template, String date) {
        return Path.of(template.replace("{date}", date));
    }

    static int positive(Integer value, int fallback, String name, String where) {
        if (value == null) {
            return fallback;
        }
        if (value <= 0) {
            throw new JobFileException(where + ": " + name + " must be a positive number, is " + value);
        }
        return value;
    }

    static int notNegative(Integer value, int fallback, String name, String where) {
        int v = value != null ? value : fallback;
        if (v < 0) {
            throw new JobFileException(where + ": " + name + " must be 0 or more, is " + v);
        }
        return v;
    }

    /** Model names become folder names under the models folder, so they must be plain names. */
    static String modelName(String name, String setting, String where) {
        if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9._-]*") || name.contains("..")) {
            throw new JobFileException(
                    where + ": " + setting + " '" + name + "' is not a model name such as opus-mt-en-uk");
        }
        return name;
    }
}
