package dev.galley.knife.internal.repo;

/**
 * How knife upload and download copy: {@code --purge}, {@code --force}, {@code --[no-]diff}, {@code --dry-run},
 * {@code --freeze} and {@code --concurrency}.
 *
 * @param purge       delete on the destination what the source lacks
 * @param force       copy even what is the same
 * @param diff        compare what exists on both sides (off: only create what is new)
 * @param dryRun      change nothing, say what would change
 * @param freeze      freeze uploaded cookbooks
 * @param concurrency how many objects to read or write at once
 */
public record CopyOptions(boolean purge, boolean force, boolean diff, boolean dryRun, boolean freeze,
        int concurrency) {
    public CopyOptions {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1: " + concurrency);
        }
    }
}
