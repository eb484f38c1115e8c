package dev.galley.chef.internal;

import dev.galley.chef.RawRequests;
import dev.galley.chef.RawResponse;
import dev.galley.core.GalleyException;
import java.net.URI;
import java.util.Locale;
import java.util.OptionalInt;

final class DefaultRawRequests implements RawRequests {
    private final ChefHttp http;

    DefaultRawRequests(ChefHttp http) {
        this.http = http;
    }

    @Override
    public RawResponse request(String method, String pathOrUrl, byte[] body) {
        String m = method.toUpperCase(Locale.ROOT);
        if (!m.matches("GET|PUT|POST|DELETE|HEAD")) {
            throw GalleyException.badInput("unsupported method '" + method + "': use GET, PUT, POST, DELETE or HEAD");
        }
        URI target = target(pathOrUrl);
        var exchange = http.execute(new ChefHttp.Call(m, target, body, OptionalInt.empty(), false));
        var r = exchange.response();
        return new RawResponse(r.status(), r.headers(), r.body());
    }

    /** Relative paths join chef_server_url as knife raw joins them: exactly one slash in between. */
    private URI target(String pathOrUrl) {
        URI base = http.server().url();
        if (pathOrUrl.matches("(?i)^https?://.*")) {
            URI u;
            try {
                u = URI.create(pathOrUrl);
            } catch (IllegalArgumentException e) {
                throw GalleyException.badInput("'" + pathOrUrl + "' is not a URL: " + e.getMessage());
            }
            boolean sameServer = base.getScheme().equalsIgnoreCase(u.getScheme())
                    && base.getHost().equalsIgnoreCase(u.getHost()) && port(base) == port(u);
            if (!sameServer) {
                throw GalleyException.badInput("'" + pathOrUrl + "' is not on the configured Chef server (" + base
                        + "): raw requests are signed with your key and go to that server only");
            }
            return u;
        }
        String path = pathOrUrl.replaceFirst("^/+", "");
        try {
            return URI.create(base.toString().replaceFirst("/+$", "") + "/" + path);
        } catch (IllegalArgumentException e) {
            throw GalleyException.badInput("'" + pathOrUrl + "' is not a valid request path (encode spaces and "
                    + "special characters): " + e.getMessage());
        }
    }

    private static int port(URI u) {
        return u.getPort() >= 0 ? u.getPort() : u.getScheme().equalsIgnoreCase("https") ? 443 : 80;
    }
}
