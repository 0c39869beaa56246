package dev.briefs.model;

import dev.briefs.model.hub.HubClient;
import dev.briefs.model.hub.IntegrityException;
import dev.briefs.model.hub.ModelException;
import dev.briefs.model.hub.PathSafety;
import dev.briefs.model.hub.RepoFile;
import dev.briefs.model.hub.RepoInfo;
import dev.briefs.model.hub.TransferProgress;
import dev.briefs.optimum.Variant;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Downloads a model and installs it atomically:
 * <ol>
 * <li>ask the hub which commit the revision is and which files it has;</li>
 * <li>download every file into {@code models/.NAME.partial-COMMIT12/} (kept between runs, so an interrupted
 * fetch resumes; each file first as {@code FILE.incomplete}, resumed with a Range request);</li>
 * <li>check each file's size, and its SHA-256 against {@code lfs.sha256} (or its git blob id for small
 * non-LFS files): a mismatch deletes that file and stops, nothing is installed;</li>
 * <li>where the catalog has a file's SHA-256 for the pinned commit ({@link PinnedHashes}), check the listing
 * against it before downloading anything and the downloaded bytes after, so an endpoint that lists and serves
 * other files than the pinned ones is refused;</li>
 * <li>write {@code briefs-manifest.json} and rename the folder to {@code models/NAME/}.</li>
 * </ol>
 */
public final class ModelFetcher {

    private final ModelStore store;
    private final HubClient client;
    private final TransferProgress progress;
    private final Consumer<String> log;

    public ModelFetcher(ModelStore store, HubClient client, TransferProgress progress, Consumer<String> log) {
        this.store = Objects.requireNonNull(store);
        this.client = Objects.requireNonNull(client);
        this.progress = progress == null ? TransferProgress.NONE : progress;
        this.log = log == null ? s -> {} : log;
    }

    /**
     * @param name             where it went ({@code models/NAME})
     * @param dir              the installed folder
     * @param commit           the commit installed
     * @param files            number of files
     * @param bytes            their total size
     * @param downloadedBytes  bytes that went over the network in this call
     * @param alreadyInstalled nothing done: the same commit was already installed and intact
     */
    public record Result(
            String name,
            Path dir,
            String commit,
            int files,
            long bytes,
            long downloadedBytes,
            boolean alreadyInstalled) {}

    /** Fetches a catalog model by name, or a hub repo id ({@code owner/name[@revision]}). */
    public Result fetch(String nameOrRepo, Variant variantForUnknownRepos, boolean force) {
        return fetch(store.catalog().resolve(nameOrRepo, variantForUnknownRepos), force);
    }

    public Result fetch(FetchTarget target, boolean force) {
        if (target.bundled()) {
            throw ModelException.user(target.name() + " is bundled with the application; nothing to fetch");
        }
        try {
            Files.createDirectories(store.modelsDir());
        } catch (IOException e) {
            throw ModelException.user("cannot create models folder " + store.modelsDir() + ": " + e.getMessage());
        }
        Path lockFile = store.modelsDir().resolve("." + target.name() + ".lock");
        try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            FileLock lock;
            try {
                lock = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                throw ModelException.user("another fetch of " + target.name() + " is running (lock " + lockFile + ")");
            }
            try {
                return fetchLocked(target, force);
            } finally {
                lock.release();
            }
        } catch (IOException e) {
            throw ModelException.failure("fetch of " + target.name() + ": " + e.getMessage(), e);
        }
    }

    private Result fetchLocked(FetchTarget target, boolean force) throws IOException {
        String name = target.name();
        RepoInfo info = client.repoInfo(target.repo(), target.revision());
        String commit = info.commit();
        List<RepoFile> wanted = select(target, info);
        String host = client.settings().endpointHost();
        int sized = PinnedSizes.check(target, commit, wanted);
        int hashed = PinnedHashes.check(target, commit, wanted, host);
        if (sized > 0) {
            log.accept(name + ": the hub lists the catalog's sizes for " + sized + " file(s) at commit " + commit);
        }
        if (hashed > 0) {
            log.accept(name + ": the hub lists the catalog's SHA-256 for " + hashed + " file(s) at commit " + commit);
        }

        Path installed = store.dir(name);
        if (!force && Files.isDirectory(installed)) {
            ModelStatus st = store.status(name, ModelStore.Check.FULL);
            if (st.state() == ModelStatus.State.OK
                    && commit.equals(st.manifest().commit())
                    && st.manifest().files().stream()
                            .map(Manifest.FileEntry::path)
                            .toList()
                            .containsAll(wanted.stream().map(RepoFile::path).toList())
                    && st.manifest().files().stream()
                            .allMatch(e -> PinnedHashes.agrees(target, e.path(), e.sha256()))) {
                log.accept(name + ": already installed at commit " + commit + ", nothing to do");
                return new Result(
                        name,
                        installed,
                        commit,
                        st.manifest().files().size(),
                        st.manifest().totalSize(),
                        0,
                        true);
            }
        }

        Path partial = store.partialDir(name, commit);
        for (Path stale : store.partialDirs(name)) {
            if (!stale.equals(partial)) {
                log.accept(name + ": removing partial download of another commit " + stale.getFileName());
                deleteTree(stale);
            }
        }
        Files.createDirectories(partial);

        Manifest old = readManifestOrNull(installed);
        List<Manifest.FileEntry> entries = new ArrayList<>();
        long downloaded = 0;
        for (RepoFile f : wanted) {
            Path dest = PathSafety.resolveInside(partial, f.path());
            Files.createDirectories(dest.getParent());
            if (Files.isRegularFile(dest)) {
                String sha = ModelStore.sha256(dest);
                if (matches(f, dest, sha) && PinnedHashes.agrees(target, f.path(), sha)) {
                    log.accept(name + "/" + f.path() + ": already downloaded");
                    entries.add(new Manifest.FileEntry(f.path(), Files.size(dest), sha));
                    continue;
                }
                Files.delete(dest);
            }
            Path incomplete = dest.resolveSibling(dest.getFileName() + ".incomplete");
            seedFromInstalled(old, installed, f, incomplete);
            long before = Files.exists(incomplete) ? Files.size(incomplete) : 0;
            HubClient.Downloaded d;
            try (TransferProgress.Transfer t = progress.begin(name + "/" + f.path(), f.size())) {
                d = client.download(target.repo(), commit, f, incomplete, t);
            }
            downloaded += Math.max(0, d.size() - before);
            check(f, incomplete, d);
            if (!PinnedHashes.agrees(target, f.path(), d.sha256())) {
                Files.deleteIfExists(incomplete);
                throw PinnedHashes.mismatch(target, commit, f, d.sha256(), host);
            }
            move(incomplete, dest);
            entries.add(new Manifest.FileEntry(f.path(), d.size(), d.sha256()));
        }

        Manifest manifest = new Manifest(
                Manifest.FORMAT,
                name,
                target.repo(),
                target.revision(),
                commit,
                host,
                target.variant().id(),
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                entries);
        manifest.write(partial.resolve(Manifest.FILE_NAME));
        install(partial, installed);
        long total = manifest.totalSize();
        return new Result(name, installed, commit, entries.size(), total, downloaded, false);
    }

    private static List<RepoFile> select(FetchTarget target, RepoInfo info) {
        Map<String, RepoFile> listing = info.byPath();
        List<String> paths = target.files();
        if (paths == null) {
            paths = VariantFiles.selectFrom(target.variant(), listing.keySet());
            if (paths.isEmpty()) {
                throw ModelException.user(target.repo() + " at commit " + info.commit()
                        + " has no ONNX files of variant "
                        + target.variant().id() + " (onnx/*" + target.variant().suffix()
                        + ".onnx); try --variant");
            }
        }
        List<RepoFile> out = new ArrayList<>();
        for (String p : paths) {
            PathSafety.checkRepoFile(p);
            RepoFile f = listing.get(p);
            if (f == null) {
                throw ModelException.user(p + " is not in " + target.repo() + " at commit " + info.commit()
                        + " (revision '" + target.revision() + "'); check the catalog's files and variant");
            }
            out.add(f);
        }
        return out;
    }

    /** If the installed copy of this file is the one wanted (same SHA-256), start from it instead of the network. */
    private void seedFromInstalled(Manifest old, Path installed, RepoFile f, Path incomplete) throws IOException {
        if (old == null || !f.lfs() || Files.exists(incomplete)) {
            return;
        }
        boolean same = old.files().stream()
                .anyMatch(e -> e.path().equals(f.path()) && f.sha256().equalsIgnoreCase(e.sha256()));
        Path src = PathSafety.resolveInside(installed, f.path());
        if (!same || !Files.isRegularFile(src) || Files.size(src) != f.size()) {
            return;
        }
        if (ModelStore.sha256(src).equalsIgnoreCase(f.sha256())) {
            Files.copy(src, incomplete, StandardCopyOption.REPLACE_EXISTING);
            log.accept(f.path() + ": reusing the installed copy");
        }
    }

    private static boolean matches(RepoFile f, Path file, String sha256) throws IOException {
        long size = Files.size(file);
        if (f.size() >= 0 && size != f.size()) {
            return false;
        }
        if (f.lfs()) {
            return f.sha256().equalsIgnoreCase(sha256);
        }
        return f.blobId() == null || f.blobId().equals(gitBlobId(file));
    }

    private static void check(RepoFile f, Path file, HubClient.Downloaded d) throws IOException {
        if (f.size() >= 0 && d.size() != f.size()) {
            Files.deleteIfExists(file);
            throw new IntegrityException(f.path(), "size", f.size() + " bytes", d.size() + " bytes");
        }
        if (f.lfs() && !f.sha256().equalsIgnoreCase(d.sha256())) {
            Files.deleteIfExists(file);
            throw new IntegrityException(f.path(), "SHA-256", f.sha256(), d.sha256());
        }
        if (!f.lfs() && f.blobId() != null) {
            String actual = gitBlobId(file);
            if (!f.blobId().equals(actual)) {
                Files.deleteIfExists(file);
                throw new IntegrityException(f.path(), "git blob id", f.blobId(), actual);
            }
        }
    }

    /** The git blob id of a file: SHA-1 of {@code "blob SIZE\0"} followed by its bytes. */
    static String gitBlobId(Path file) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        md.update(("blob " + Files.size(file) + "\0").getBytes(StandardCharsets.US_ASCII));
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static Manifest readManifestOrNull(Path dir) {
        try {
            return Manifest.read(dir.resolve(Manifest.FILE_NAME));
        } catch (IOException | ModelException e) {
            return null;
        }
    }

    /** Renames the verified partial folder to its final name; an older install is moved aside, then removed. */
    private void install(Path partial, Path target) throws IOException {
        Path aside = null;
        if (Files.exists(target)) {
            aside = target.resolveSibling("." + target.getFileName() + ".old-" + System.nanoTime());
            move(target, aside);
        }
        try {
            move(partial, target);
        } catch (IOException e) {
            if (aside != null) {
                move(aside, target);
            }
            throw e;
        }
        if (aside != null) {
            deleteTree(aside);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                try {
                    Files.delete(p);
                } catch (NoSuchFileException ignored) {
                    // gone already
                }
            }
        }
    }
}
