package dev.briefs.job.rerun;

import java.util.Set;

/** One article with open failures in the ledger: what {@code rerun-failed} reads. */
record RerunItem(String id, String sourceFile, Set<String> stages, Set<String> translationLanguages) {}
