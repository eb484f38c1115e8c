package dev.galley.chef;

import java.net.URI;
import java.util.List;

/**
 * The server could not satisfy a precondition, such as resolving cookbook dependencies (412).
 */
public final class ChefPreconditionFailedException extends ChefApiException {
    private static final long serialVersionUID = 1L;

    public ChefPreconditionFailedException(String method, URI url, List<String> serverMessages, String bodyExcerpt, String message) {
        super(method, url, 412, serverMessages, bodyExcerpt, message);
    }
}
