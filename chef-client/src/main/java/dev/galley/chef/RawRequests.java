package dev.galley.chef;

/**
 * Signed requests to any path of the configured server, for endpoints the typed API does not cover
 * ({@code knife raw}).
 */
public interface RawRequests {

    /**
     * Sends a signed request.
     *
     * @param method    GET, PUT, POST, DELETE or HEAD
     * @param pathOrUrl a path relative to {@code chef_server_url} ("/nodes"), as knife raw takes it, or an absolute
     *                  URL on the same server (scheme, host and port must match)
     * @param body      the body to send (JSON), empty for none
     * @throws ChefApiException for error statuses, as every call
     */
    RawResponse request(String method, String pathOrUrl, byte[] body);
}
