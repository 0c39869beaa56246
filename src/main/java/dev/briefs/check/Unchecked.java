package dev.briefs.check;

/**
 * Something a check found but could not judge, so neither passed nor flagged.
 *
 * @param text   the words as found in the checked text
 * @param reason why they could not be checked
 */
public record Unchecked(String text, String reason) {}
