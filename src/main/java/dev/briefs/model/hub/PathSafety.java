package dev.briefs.model.hub;

import java.nio.file.Path;
import java.util.regex.Pattern;

/** Checks of repo ids, revisions and repo file names before they become URLs or paths on disk. */
public final class PathSafety {

    private static final Pattern REPO_PART = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Pattern REVISION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]*");
    private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{40}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private PathSafety() {}

    /** {@code owner/name} or {@code name}, no {@code ..}, no absolute path, no backslash. */
    public static String checkRepoId(String repo) {
        if (repo == null || repo.isBlank()) {
            throw ModelException.user("empty repo id");
        }
        String[] parts = repo.split("/", -1);
        boolean ok = parts.length <= 2 && !repo.contains("\\") && !repo.contains("..");
        for (String p : parts) {
            ok &= REPO_PART.matcher(p).matches();
        }
        if (!ok) {
            throw ModelException.user("invalid repo id '" + printable(repo)
                    + "': expected OWNER/NAME (letters, digits, '.', '_', '-'; no '..', '\\' or leading '/')");
        }
        return repo;
    }

    public static String checkRevision(String revision) {
        if (revision == null
                || !REVISION.matcher(revision).matches()
                || revision.contains("..")
                || revision.endsWith("/")
                || revision.contains("//")) {
            throw ModelException.user("invalid revision '" + printable(String.valueOf(revision)) + "'");
        }
        return revision;
    }

    public static boolean isCommit(String s) {
        return s != null && COMMIT.matcher(s).matches();
    }

    /** A local model name: one path segment. */
    public static String checkName(String name) {
        if (name == null || !NAME.matcher(name).matches() || name.contains("..")) {
            throw ModelException.user("invalid model name '" + printable(String.valueOf(name)) + "'");
        }
        return name;
    }

    /**
     * A file name from the hub listing or the catalog ({@code rfilename}): relative, forward slashes,
     * no {@code .}/{@code ..}/empty segments, no backslash, no control characters.
     */
    public static String checkRepoFile(String rfilename) {
        boolean ok = rfilename != null
                && !rfilename.isEmpty()
                && !rfilename.startsWith("/")
                && !rfilename.contains("\\")
                && !rfilename.contains(":")
                && rfilename.chars().noneMatch(c -> c < 0x20 || c == 0x7f);
        if (ok) {
            for (String seg : rfilename.split("/", -1)) {
                ok &= !seg.isEmpty() && !seg.equals(".") && !seg.equals("..");
            }
        }
        if (!ok) {
            throw ModelException.user("refusing unsafe file name '" + printable(String.valueOf(rfilename))
                    + "' (absolute, '..', '\\' or empty segment)");
        }
        return rfilename;
    }

    /** Resolves a checked repo file name under {@code dir}, and checks it stays there. */
    public static Path resolveInside(Path dir, String rfilename) {
        checkRepoFile(rfilename);
        Path base = dir.toAbsolutePath().normalize();
        Path p = base.resolve(rfilename).normalize();
        if (!p.startsWith(base) || p.equals(base)) {
            throw ModelException.user("refusing file name '" + printable(rfilename) + "' outside " + dir);
        }
        return p;
    }

    public static String printable(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            b.append(c < 0x20 || c == 0x7f ? '?' : c);
            if (b.length() > 200) {
                b.append("...");
                break;
            }
        }
        return b.toString();
    }
}
