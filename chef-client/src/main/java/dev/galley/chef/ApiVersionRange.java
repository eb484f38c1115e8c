package dev.galley.chef;

/**
 * The server API versions a Chef server supports, from its {@code X-Ops-Server-API-Version} answer header.
 *
 * @param min the lowest version the server accepts
 * @param max the highest version the server accepts
 */
public record ApiVersionRange(int min, int max) {
    /** The versions this client speaks: 0 (Chef 12 baseline), 1 (keys API clients/users), 2 (cookbook all_files). */
    public static final ApiVersionRange CLIENT = new ApiVersionRange(0, 2);

    public ApiVersionRange {
        if (min < 0 || max < min) {
            throw new IllegalArgumentException("not a version range: " + min + ".." + max);
        }
    }

    public boolean contains(int version) {
        return version >= min && version <= max;
    }

    @Override
    public String toString() {
        return min + ".." + max;
    }
}
