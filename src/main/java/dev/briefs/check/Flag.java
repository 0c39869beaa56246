package dev.briefs.check;

/**
 * One thing a check found wrong.
 *
 * @param text       the words as found, in the text named by {@code problem}
 * @param normalised the form they were compared in ("10000", "2022-03-19", "kuleba"), empty where
 *                   the words themselves were compared
 * @param problem    what is wrong, e.g. "not in the source" or "missing from the translation"
 */
public record Flag(String text, String normalised, String problem) {}
