package dev.galley.knife;

import com.fasterxml.jackson.databind.JsonNode;
import dev.galley.chef.ChefClient;
import dev.galley.chef.ChefConflictException;
import dev.galley.chef.ChefNotFoundException;
import dev.galley.chef.Environment;
import dev.galley.chef.Node;
import dev.galley.chef.Role;
import dev.galley.chef.internal.Json;
import dev.galley.chef.internal.Paths;
import dev.galley.core.GalleyException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The three kinds of Chef object whose knife commands share their shape (nodes, roles, environments): their names,
 * endpoints and the server calls every verb makes.
 */
enum ObjectKind {
    NODE("node", "Node", "Chef::Node", "[\\-\\p{Alnum}_:.]+", "letters, digits, '_', '-', ':' and '.'"),
    ROLE("role", "Role", "Chef::Role", "[\\-\\p{Alnum}_]+", "letters, digits, '_' and '-'"),
    ENVIRONMENT("environment", "Environment", "Chef::Environment", "[\\-\\p{Alnum}_]+",
            "letters, digits, '_' and '-'");

    /** "node": the chef_type, the command's noun, the word in messages. */
    final String noun;
    /** "nodes": the endpoint, and the chef repo directory knife's "from file" also looks in. */
    final String plural;
    /** "Node", as knife's "Updated Node web1" spells it. */
    final String title;
    final String jsonClass;
    private final Pattern validName;
    private final String allowed;

    ObjectKind(String noun, String title, String jsonClass, String validName, String allowed) {
        this.noun = noun;
        this.plural = noun + "s";
        this.title = title;
        this.jsonClass = jsonClass;
        this.validName = Pattern.compile(validName, Pattern.UNICODE_CHARACTER_CLASS);
        this.allowed = allowed;
    }

    /** "node[web1]", as knife names an object in its messages. */
    String label(String name) {
        return noun + "[" + name + "]";
    }

    /** @throws GalleyException (bad input) for a name Chef would refuse */
    String checkName(String name) {
        if (name == null || !validName.matcher(name).matches()) {
            throw GalleyException.badInput("'" + name + "' is not a valid " + noun + " name: use " + allowed);
        }
        return name;
    }

    /** The object as the server holds it, unchanged. @throws GalleyException (bad input) if there is none */
    JsonNode fetch(KnifeSession session, String name) {
        checkName(name);
        try {
            return session.chef().raw().request("GET", Paths.of(plural, name), new byte[0]).json();
        } catch (ChefNotFoundException e) {
            throw notFound(session, name);
        }
    }

    GalleyException notFound(KnifeSession session, String name) {
        return GalleyException.badInput(noun + " '" + name + "' does not exist on " + session.chef().serverUrl().url()
                + " (see 'galley " + noun + " list')");
    }

    /** The server's listing ({"name": "url", ...}), unchanged. */
    JsonNode listing(KnifeSession session) {
        return session.chef().raw().request("GET", "/" + plural, new byte[0]).json();
    }

    /** All names, sorted. */
    List<String> names(ChefClient chef) {
        return switch (this) {
            case NODE -> chef.nodes().list();
            case ROLE -> chef.roles().list();
            case ENVIRONMENT -> chef.environments().list();
        };
    }

    boolean exists(ChefClient chef, String name) {
        return switch (this) {
            case NODE -> chef.nodes().exists(name);
            case ROLE -> chef.roles().find(name).isPresent();
            case ENVIRONMENT -> chef.environments().find(name).isPresent();
        };
    }

    /** Creates the object. @throws GalleyException (bad input) if one of that name exists */
    void create(KnifeSession session, JsonNode doc, String source) {
        ChefClient chef = session.chef();
        String name = doc.path("name").asText();
        try {
            switch (this) {
                case NODE -> chef.nodes().create(record(doc, Node.class, source));
                case ROLE -> chef.roles().create(record(doc, Role.class, source));
                case ENVIRONMENT -> chef.environments().create(record(doc, Environment.class, source));
            }
        } catch (ChefConflictException e) {
            throw GalleyException.badInput(noun + " '" + name + "' already exists: change it with 'galley " + noun
                    + " edit " + name + "' or 'galley " + noun + " from file'");
        }
    }

    /** Replaces the object with this document (knife's save: PUT, and POST when it does not exist yet). */
    void save(KnifeSession session, JsonNode doc, String source) {
        ChefClient chef = session.chef();
        try {
            switch (this) {
                case NODE -> chef.nodes().update(record(doc, Node.class, source));
                case ROLE -> chef.roles().update(record(doc, Role.class, source));
                case ENVIRONMENT -> chef.environments().update(record(doc, Environment.class, source));
            }
        } catch (ChefNotFoundException e) {
            create(session, doc, source);
        }
    }

    void delete(ChefClient chef, String name) {
        switch (this) {
            case NODE -> chef.nodes().delete(name);
            case ROLE -> chef.roles().delete(name);
            case ENVIRONMENT -> chef.environments().delete(name);
        }
    }

    /** The typed record of a document of this kind (to compare two documents as Chef sees them). */
    Object record(JsonNode doc, String source) {
        return switch (this) {
            case NODE -> record(doc, Node.class, source);
            case ROLE -> record(doc, Role.class, source);
            case ENVIRONMENT -> record(doc, Environment.class, source);
        };
    }

    /**
     * The typed record for a document that {@link ObjectFiles#check} accepted.
     *
     * @throws GalleyException (bad input) naming {@code source} when a field has the wrong shape
     */
    static <T> T record(JsonNode doc, Class<T> type, String source) {
        try {
            return Json.MAPPER.treeToValue(doc, type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof GalleyException g) {
                    throw GalleyException.badInput(source + ": " + g.getMessage());
                }
            }
            String why = e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage()
                    : e.getMessage();
            throw GalleyException.badInput(source + " is not a valid " + type.getSimpleName().toLowerCase(java.util.Locale.ROOT)
                    + ": " + why.lines().findFirst().orElse(""));
        }
    }
}
