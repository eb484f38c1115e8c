package dev.galley.chef;

import dev.galley.core.GalleyException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which proxy, if any, carries a request: {@code http_proxy}, {@code https_proxy} and {@code no_proxy} as curl,
 * knife and chef-client read them, applied the same way to every request.
 *
 * @param httpProxy  proxy for http:// URLs, if any
 * @param httpsProxy proxy for https:// URLs, if any
 * @param noProxy    hosts that bypass the proxies: exact names, domain suffixes ({@code .corp} or {@code corp}),
 *                   globs ({@code *.corp}), IP addresses, CIDR blocks ({@code 10.0.0.0/8}), each optionally with
 *                   {@code :port}; {@code *} alone means no proxy at all
 */
public record ProxySettings(Optional<URI> httpProxy, Optional<URI> httpsProxy, List<String> noProxy) {

    public ProxySettings {
        httpProxy = httpProxy == null ? Optional.empty() : httpProxy;
        httpsProxy = httpsProxy == null ? Optional.empty() : httpsProxy;
        noProxy = List.copyOf(noProxy);
    }

    /** No proxy for anything. */
    public static ProxySettings none() {
        return new ProxySettings(Optional.empty(), Optional.empty(), List.of());
    }

    /**
     * Reads {@code http_proxy}, {@code https_proxy}, {@code no_proxy} (lower case first, then upper case).
     *
     * @throws GalleyException (bad input) if a proxy variable is not a URL
     */
    public static ProxySettings fromEnvironment(Map<String, String> env) {
        return of(first(env, "http_proxy", "HTTP_PROXY"), first(env, "https_proxy", "HTTPS_PROXY"),
                first(env, "no_proxy", "NO_PROXY"), "environment variable");
    }

    /**
     * Builds settings from the three strings as knife configuration or the environment write them.
     *
     * @param origin where the values came from, for error messages
     */
    public static ProxySettings of(String http, String https, String noProxy, String origin) {
        List<String> entries = new ArrayList<>();
        if (noProxy != null) {
            for (String e : noProxy.split(",")) {
                if (!e.isBlank()) {
                    entries.add(e.strip().toLowerCase(Locale.ROOT));
                }
            }
        }
        return new ProxySettings(parse(http, "http_proxy", origin), parse(https, "https_proxy", origin), entries);
    }

    /** The proxy for this URL, or empty to connect directly. */
    public Optional<URI> proxyFor(URI target) {
        Optional<URI> proxy = "https".equalsIgnoreCase(target.getScheme()) ? httpsProxy : httpProxy;
        if (proxy.isEmpty() || bypasses(target)) {
            return Optional.empty();
        }
        return proxy;
    }

    boolean bypasses(URI target) {
        String host = target.getHost() == null ? "" : target.getHost().toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port = target.getPort() >= 0 ? target.getPort() : ("https".equalsIgnoreCase(target.getScheme()) ? 443 : 80);
        for (String entry : noProxy) {
            if (matches(entry, host, port)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(String entry, String host, int port) {
        if (entry.equals("*")) {
            return true;
        }
        String pattern = entry;
        int colon = entry.lastIndexOf(':');
        if (colon > 0 && entry.indexOf(':') == colon && entry.substring(colon + 1).chars().allMatch(Character::isDigit)) {
            if (Integer.parseInt(entry.substring(colon + 1)) != port) {
                return false;
            }
            pattern = entry.substring(0, colon);
        }
        if (pattern.contains("/")) {
            return inCidr(pattern, host);
        }
        if (pattern.contains("*")) {
            return host.matches(globToRegex(pattern));
        }
        String suffix = pattern.startsWith(".") ? pattern.substring(1) : pattern;
        return host.equals(suffix) || host.endsWith("." + suffix);
    }

    private static String globToRegex(String glob) {
        StringBuilder b = new StringBuilder();
        for (char c : glob.toCharArray()) {
            b.append(c == '*' ? ".*" : java.util.regex.Pattern.quote(String.valueOf(c)));
        }
        return b.toString();
    }

    private static boolean inCidr(String cidr, String host) {
        if (!host.matches("[0-9.]+|[0-9a-f:]+")) {
            return false; // a host name: only literal addresses are compared with CIDR blocks (no DNS lookups here)
        }
        try {
            String[] parts = cidr.split("/", 2);
            byte[] net = InetAddress.getByName(parts[0]).getAddress();
            byte[] addr = InetAddress.getByName(host).getAddress();
            int bits = Integer.parseInt(parts[1]);
            if (net.length != addr.length || bits < 0 || bits > net.length * 8) {
                return false;
            }
            for (int i = 0; i < bits; i++) {
                int mask = 0x80 >> (i % 8);
                if ((net[i / 8] & mask) != (addr[i / 8] & mask)) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException | NumberFormatException e) {
            return false;
        }
    }

    private static String first(Map<String, String> env, String lower, String upper) {
        String v = env.get(lower);
        return v != null && !v.isBlank() ? v : env.get(upper);
    }

    private static Optional<URI> parse(String value, String name, String origin) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.strip();
        if (!v.contains("://")) {
            v = "http://" + v; // curl and Ruby accept "proxy:3128"
        }
        try {
            URI uri = new URI(v);
            if (uri.getHost() == null) {
                throw new URISyntaxException(v, "no host");
            }
            return Optional.of(uri);
        } catch (URISyntaxException e) {
            throw GalleyException.badInput(origin + " " + name + " is not a proxy URL (expected http://HOST:PORT): "
                    + redact(value));
        }
    }

    /** A proxy URL with any password replaced, safe to show. */
    public static String redact(URI proxy) {
        return redact(proxy.toString());
    }

    private static String redact(String url) {
        return url.replaceAll("//([^:/@]+):[^@/]*@", "//$1:***@");
    }

    @Override
    public String toString() {
        return "ProxySettings[http=" + httpProxy.map(ProxySettings::redact).orElse("none")
                + ", https=" + httpsProxy.map(ProxySettings::redact).orElse("none") + ", no_proxy=" + noProxy + "]";
    }
}
