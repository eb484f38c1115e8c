package dev.galley.chef;

import java.net.URI;
import java.util.List;

/**
 * The server answered, but not with the Chef API's JSON: an empty 200 (goiardi's answer to paths it does not
 * implement), an HTML page from a web server or proxy, or a body that does not parse. The message says which and
 * what to check.
 */
public final class ChefUnexpectedResponseException extends ChefApiException {
    private static final long serialVersionUID = 1L;

    public ChefUnexpectedResponseException(String method, URI url, int status, String bodyExcerpt, String message) {
        super(method, url, status, List.of(), bodyExcerpt, message);
    }
}
