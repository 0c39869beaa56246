package dev.briefs.story;

/**
 * How close two groups of articles are, from the similarities of their members' pairs, each taken as its
 * margin over its model's threshold: two groups join when that margin is at least 0.
 */
public enum Linkage {
    /** The mean margin of all pairs: one close pair cannot pull in an article the rest do not resemble. */
    AVERAGE,
    /** The smallest margin: every pair must be over the threshold. */
    COMPLETE,
    /** The largest margin: one close pair suffices, so stories can chain A~B~C although A and C differ. */
    SINGLE
}
