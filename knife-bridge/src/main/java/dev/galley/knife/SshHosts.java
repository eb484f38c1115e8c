package dev.galley.knife;

import com.fasterxml.jackson.databind.JsonNode;
import dev.galley.chef.SearchQuery;
import dev.galley.core.GalleyException;
import dev.galley.ssh.SshTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The hosts {@code galley ssh} runs on, found as knife ssh finds them: by node search (the address from the
 * {@code -a} attribute, else {@code cloud.public_hostname}, else {@code fqdn}; the port from
 * {@code cloud.public_ssh_port} unless {@code -p}), or from a manual list ({@code -m}) of {@code [user@]host[:port]}.
 */
final class SshHosts {
    /**
     * One host to run on, or a node that has no address (it is reported, not skipped silently as knife does).
     *
     * @param label   how output names it: the node name, the {@code --prefix-attribute} value, or the host as given
     * @param target  where to connect; empty when the node has no address
     */
    record Entry(String label, Optional<SshTarget> target, String missing) {
    }

    private SshHosts() {
    }

    /** knife's fuzzy query: a query without a field searches tags, roles, fqdn, addresses and policies. */
    static String fuzzify(String query) {
        if (query.contains(":")) {
            return query;
        }
        return "tags:*" + query + "* OR roles:*" + query + "* OR fqdn:*" + query + "* OR addresses:*" + query
                + "* OR policy_name:*" + query + "* OR policy_group:*" + query + "*";
    }

    /** The hosts of a knife -m list: "web1 root@web2 10.0.0.3:2222 [fe80::1]:22". */
    static List<Entry> manual(String list, String user, Optional<Integer> port) {
        List<Entry> out = new ArrayList<>();
        for (String spec : list.strip().split("\\s+")) {
            if (spec.isEmpty()) {
                continue;
            }
            String u = user;
            String rest = spec;
            int at = spec.lastIndexOf('@');
            if (at > 0) {
                u = spec.substring(0, at);
                rest = spec.substring(at + 1);
            }
            String host = rest;
            Integer p = null;
            if (rest.startsWith("[")) {
                int close = rest.indexOf(']');
                if (close < 0) {
                    throw GalleyException.badInput("host '" + spec + "' has an unclosed '[': write [address]:port");
                }
                host = rest.substring(1, close);
                if (rest.length() > close + 1 && rest.charAt(close + 1) == ':') {
                    p = parsePort(rest.substring(close + 2), spec);
                }
            } else if (rest.indexOf(':') > 0 && rest.indexOf(':') == rest.lastIndexOf(':')) {
                host = rest.substring(0, rest.indexOf(':'));
                p = parsePort(rest.substring(rest.indexOf(':') + 1), spec);
            }
            int effective = port.orElse(p != null ? p : 22);
            out.add(new Entry(spec, Optional.of(new SshTarget(host, effective, u)), null));
        }
        if (out.isEmpty()) {
            throw GalleyException.badInput("no hosts given: with -m, QUERY is a space-separated list of hosts");
        }
        return out;
    }

    private static int parsePort(String text, String spec) {
        try {
            int p = Integer.parseInt(text);
            if (p >= 1 && p <= 65535) {
                return p;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw GalleyException.badInput("host '" + spec + "' has a bad port '" + text + "': use host:PORT with PORT 1-65535");
    }

    /**
     * The nodes a search finds, each with its address; a partial search asks the server for nothing else.
     *
     * @param addressAttribute the dotted attribute holding the address, or null for knife's default order
     * @param prefixAttribute  the dotted attribute to label output with, or null for the node name
     */
    static List<Entry> search(SearchQuery query, String addressAttribute, String prefixAttribute, String user,
            Optional<Integer> port) {
        SearchQuery q = query.attribute("name", "name").attribute("fqdn", "fqdn").attribute("cloud", "cloud");
        if (addressAttribute != null) {
            q = q.attribute("target", addressAttribute);
        }
        if (prefixAttribute != null) {
            q = q.attribute("prefix", prefixAttribute);
        }
        List<Entry> out = new ArrayList<>();
        for (JsonNode row : q.list()) {
            if (row == null || row.isNull()) {
                continue;
            }
            String name = text(row.path("name")).orElse("(unnamed node)");
            String label = prefixAttribute != null ? text(row.path("prefix")).orElse(name) : name;
            Optional<String> address = addressAttribute != null ? text(row.path("target"))
                    : text(row.path("cloud").path("public_hostname")).or(() -> text(row.path("fqdn")));
            if (address.isEmpty()) {
                String missing = addressAttribute != null ? addressAttribute : "cloud.public_hostname or fqdn";
                out.add(new Entry(label, Optional.empty(), missing));
                continue;
            }
            int p = port.orElseGet(() -> nodePort(row.path("cloud").path("public_ssh_port")));
            out.add(new Entry(label, Optional.of(new SshTarget(address.get(), p, user)), null));
        }
        return out;
    }

    private static int nodePort(JsonNode value) {
        if (value.canConvertToInt() && value.asInt() > 0 && value.asInt() <= 65535) {
            return value.asInt();
        }
        if (value.isTextual()) {
            try {
                int p = Integer.parseInt(value.asText().strip());
                if (p > 0 && p <= 65535) {
                    return p;
                }
            } catch (NumberFormatException ignored) {
                // not a port: the default applies
            }
        }
        return 22;
    }

    private static Optional<String> text(JsonNode n) {
        if (n == null || n.isMissingNode() || n.isNull() || n.isContainerNode()) {
            return Optional.empty();
        }
        String s = n.asText().strip();
        return s.isEmpty() ? Optional.empty() : Optional.of(s);
    }
}
