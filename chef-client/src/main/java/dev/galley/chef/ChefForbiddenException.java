package dev.galley.chef;

import java.net.URI;
import java.util.List;

/**
 * The signature was accepted but the user or client may not do this (403).
 */
public final class ChefForbiddenException extends ChefApiException {
    private static final long serialVersionUID = 1L;

    public ChefForbiddenException(String method, URI url, List<String> serverMessages, String bodyExcerpt, String message) {
        super(method, url, 403, serverMessages, bodyExcerpt, message);
    }
}
