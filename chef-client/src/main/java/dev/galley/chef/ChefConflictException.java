package dev.galley.chef;

import java.net.URI;
import java.util.List;

/**
 * The object already exists, or a frozen cookbook version was to be overwritten (409).
 */
public final class ChefConflictException extends ChefApiException {
    private static final long serialVersionUID = 1L;

    public ChefConflictException(String method, URI url, List<String> serverMessages, String bodyExcerpt, String message) {
        super(method, url, 409, serverMessages, bodyExcerpt, message);
    }
}
