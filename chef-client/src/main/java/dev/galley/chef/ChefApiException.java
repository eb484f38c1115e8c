package dev.galley.chef;

import dev.galley.core.Fault;
import java.net.URI;
import java.util.List;

/**
 * The Chef server answered with an error status. Carries what a user or a script needs to act: the request
 * (method and URL), the status, the server's own messages and an excerpt of the body.
 *
 * <p>Typed subclasses exist for the statuses callers handle: 401, 403, 404, 409, 412.</p>
 */
public class ChefApiException extends ChefException {
    private static final long serialVersionUID = 1L;

    private final String method;
    private final URI url;
    private final int status;
    private final List<String> serverMessages;
    private final String bodyExcerpt;

    public ChefApiException(String method, URI url, int status, List<String> serverMessages, String bodyExcerpt,
            String message) {
        super(status >= 500 || status == 408 || status == 429 ? Fault.UNAVAILABLE : Fault.BAD_INPUT, message);
        this.method = method;
        this.url = url;
        this.status = status;
        this.serverMessages = List.copyOf(serverMessages);
        this.bodyExcerpt = bodyExcerpt;
    }

    public String method() {
        return method;
    }

    public URI url() {
        return url;
    }

    public int status() {
        return status;
    }

    /** The messages of the server's error document ({@code {"error": [...]}}), in order; may be empty. */
    public List<String> serverMessages() {
        return serverMessages;
    }

    /** The start of the response body, for answers that were not a Chef error document. */
    public String bodyExcerpt() {
        return bodyExcerpt;
    }
}
