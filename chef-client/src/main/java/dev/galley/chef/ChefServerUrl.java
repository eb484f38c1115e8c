package dev.galley.chef;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Chef server URL split the way chef-config splits it: the organization's base URL for organization-scoped
 * endpoints (nodes, roles, ...) and the server root for global ones (users, organizations, _status, license).
 *
 * @param url          {@code chef_server_url} without trailing slashes, e.g. https://chef.example.com/organizations/acme
 * @param root         {@code chef_server_root}: the URL without {@code /organizations/NAME}
 * @param organization the organization name, when the URL names one (goiardi and Chef 11 have none)
 */
public record ChefServerUrl(URI url, URI root, Optional<String> organization) {
    private static final Pattern ORG = Pattern.compile("^(.*?)/organizations/([^/]+)/*$");

    public ChefServerUrl {
        organization = organization == null ? Optional.empty() : organization;
    }

    /**
     * Parses {@code chef_server_url}.
     *
     * @throws ChefConfigException if it is not an http(s) URL with a host
     */
    public static ChefServerUrl parse(String text) {
        String t = text == null ? "" : text.strip();
        URI uri;
        try {
            uri = new URI(t);
        } catch (URISyntaxException e) {
            throw invalid(t, "it does not parse as a URL (" + e.getReason() + ")");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw invalid(t, "it must start with https:// or http://");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw invalid(t, "it has no host name");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw invalid(t, "it must not have a query or fragment");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
        String base = scheme + "://" + uri.getRawAuthority();
        URI url = URI.create(base + path);
        Matcher m = ORG.matcher(path);
        if (m.matches()) {
            return new ChefServerUrl(url, URI.create(base + m.group(1)), Optional.of(m.group(2)));
        }
        return new ChefServerUrl(url, url, Optional.empty());
    }

    private static ChefConfigException invalid(String text, String why) {
        return new ChefConfigException("chef_server_url '" + text + "' is not usable: " + why
                + "; expected https://HOST[:PORT][/organizations/NAME]");
    }

    /** The absolute URL of an organization-scoped path ("/nodes/web1"). */
    public URI resolve(String path) {
        return URI.create(url + path);
    }

    /** The absolute URL of a global path ("/users/me"). */
    public URI resolveGlobal(String path) {
        return URI.create(root + path);
    }

    @Override
    public String toString() {
        return url.toString();
    }
}
