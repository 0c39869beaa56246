package dev.briefs.brief;

import java.util.List;

/** An article's brief and the units of its work that failed (empty when the brief is complete). */
public record BriefResult(Brief brief, List<Failure> failures) {

    public BriefResult {
        failures = List.copyOf(failures);
    }
}
