package dev.galley.chef;

import java.net.URI;
import java.util.List;

/**
 * The object or endpoint does not exist (404).
 */
public final class ChefNotFoundException extends ChefApiException {
    private static final long serialVersionUID = 1L;

    public ChefNotFoundException(String method, URI url, List<String> serverMessages, String bodyExcerpt, String message) {
        super(method, url, 404, serverMessages, bodyExcerpt, message);
    }
}
