package dev.briefs.model.hub;

/**
 * One {@code siblings[]} entry of the hub's revision listing.
 *
 * @param path   {@code rfilename}
 * @param size   bytes, or -1 when the hub did not say
 * @param sha256 {@code lfs.sha256} for LFS files, else null
 * @param blobId git blob id (sha1 of {@code "blob SIZE\0" + bytes}) for non-LFS files when given, else null
 */
public record RepoFile(String path, long size, String sha256, String blobId) {

    public boolean lfs() {
        return sha256 != null;
    }
}
