package dev.galley.chef.internal.cookbook;

import dev.galley.chef.ChefConfigException;
import dev.galley.chef.CookbookMetadata;
import dev.galley.chef.internal.ruby.RubyDialect;
import dev.galley.chef.internal.ruby.RubyEnvironment;
import dev.galley.chef.internal.ruby.RubyEvaluator;
import dev.galley.chef.internal.ruby.RubyScript;
import dev.galley.chef.internal.ruby.RubySetting;
import dev.galley.chef.internal.ruby.RubySymbol;
import dev.galley.chef.internal.ruby.RubyValues;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a cookbook's metadata.rb (the {@code Chef::Cookbook::Metadata} DSL) into {@link CookbookMetadata} with
 * the keys Chef writes to metadata.json, evaluating the Ruby safely ({@link RubyEvaluator}).
 */
public final class MetadataRbReader {
    private static final Logger log = LoggerFactory.getLogger(MetadataRbReader.class);

    static final RubyDialect DIALECT = new RubyDialect("cookbook metadata",
            "set the value literally, or generate metadata.json (knife cookbook metadata) and keep it next to "
                    + "metadata.rb",
            Set.of("name", "version", "maintainer", "maintainer_email", "license", "description", "long_description",
                    "source_url", "issues_url", "privacy", "chef_version", "ohai_version", "eager_load_libraries"));

    /** Legacy DSL calls that Chef 16+ ignores but older metadata.json files carry, by the key they were written to. */
    private static final Map<String, String> LEGACY_DEPENDENCY_KEYS = Map.of("replaces", "replacing",
            "conflicts", "conflicting", "recommends", "recommendations", "suggests", "suggestions");

    private MetadataRbReader() {
    }

    /**
     * Evaluates {@code metadataRb}; {@code IO.read} paths that are relative resolve against {@code env}'s working
     * directory, as Ruby's would.
     *
     * @throws ChefConfigException naming the file and line when the file has no name, a wrong value, or Ruby
     *                             outside the supported subset
     */
    public static CookbookMetadata read(Path metadataRb, RubyEnvironment env) {
        RubyScript script = RubyEvaluator.evaluateFile(metadataRb, env, DIALECT);
        return new Collector(script.file()).collect(script);
    }

    /** Gathers one file's calls, as {@code Chef::Cookbook::Metadata} would. */
    private static final class Collector {
        private final Path file;
        private final Map<String, String> strings = new LinkedHashMap<>();
        private final Map<String, String> platforms = new LinkedHashMap<>();
        private final Map<String, String> dependencies = new LinkedHashMap<>();
        private final Map<String, String> recipes = new LinkedHashMap<>();
        private final Map<String, Object> extra = new LinkedHashMap<>();
        private final Map<String, String> providing = new LinkedHashMap<>();
        private final List<List<String>> chefVersions = new ArrayList<>();
        private final List<List<String>> ohaiVersions = new ArrayList<>();
        private final List<Object> gems = new ArrayList<>();

        Collector(Path file) {
            this.file = file;
            extra.put("providing", providing);
            extra.put("source_url", "");
            extra.put("issues_url", "");
            extra.put("privacy", false);
            extra.put("chef_versions", chefVersions);
            extra.put("ohai_versions", ohaiVersions);
            extra.put("gems", gems);
            extra.put("eager_load_libraries", true);
        }

        CookbookMetadata collect(RubyScript script) {
            for (RubySetting s : script.settings()) {
                switch (s) {
                    case RubySetting.Call c -> apply(c);
                    case RubySetting.KnifeAssignment k -> throw new ChefConfigException(file, k.line(),
                            "knife[:" + k.key() + "] does not belong in cookbook metadata: move it to knife's "
                                    + "config.rb");
                }
            }
            String name = strings.get("name");
            if (name == null) {
                throw new ChefConfigException(file, 0, "has no name: add name 'COOKBOOK_NAME' (Chef requires the "
                        + "cookbook name in metadata.rb)");
            }
            extra.replaceAll((k, v) -> v instanceof Map<?, ?> m ? Collections.unmodifiableMap(new LinkedHashMap<>(m))
                    : v instanceof List<?> l ? Collections.unmodifiableList(new ArrayList<>(l)) : v);
            return new CookbookMetadata(name, strings.get("version"), strings.get("description"),
                    strings.get("long_description"), strings.get("maintainer"), strings.get("maintainer_email"),
                    strings.get("license"), platforms, dependencies, recipes, extra);
        }

        private void apply(RubySetting.Call c) {
            List<Object> args = c.args();
            if (args.isEmpty() && !c.name().equals("chef_version") && !c.name().equals("ohai_version")
                    && !c.name().equals("gem")) {
                return; // a getter, such as a bare "version"; it sets nothing
            }
            switch (c.name()) {
                case "name", "maintainer", "maintainer_email", "license", "description", "long_description" ->
                        strings.put(c.name(), single(c, "a String"));
                case "source_url", "issues_url" -> extra.put(c.name(), single(c, "a String"));
                case "version" -> {
                    String v = single(c, "a version String such as '1.2.3'");
                    strings.put("version", VersionConstraints.cookbookVersion(v).orElseThrow(() -> wrong(c,
                            "version must look like 1.2.3 or 1.2, not " + RubyValues.inspect(v))));
                }
                case "privacy" -> extra.put("privacy", bool(c));
                case "eager_load_libraries" -> extra.put("eager_load_libraries", eagerLoad(c));
                case "depends" -> {
                    String cookbook = name(c, "a cookbook name");
                    if (cookbook.equals(strings.get("name"))) {
                        throw wrong(c, "the cookbook depends on itself: remove depends '" + cookbook + "'");
                    }
                    dependencies.put(cookbook, constraint(c, false));
                }
                case "supports" -> platforms.put(name(c, "a platform name"), constraint(c, true));
                case "provides" -> providing.put(name(c, "a recipe or resource name"), constraint(c, false));
                case "recipe" -> {
                    arity(c, 2, 2, "recipe NAME, DESCRIPTION");
                    recipes.put(string(c, 0, "a recipe name"), string(c, 1, "a description String"));
                }
                case "chef_version" -> gemRequirement(c, chefVersions);
                case "ohai_version" -> gemRequirement(c, ohaiVersions);
                case "gem" -> {
                    if (!args.isEmpty()) {
                        gems.add(RubyValues.plain(args));
                    }
                }
                case "attribute", "grouping" -> legacyTable(c, c.name().equals("attribute") ? "attributes"
                        : "groupings");
                case "replaces", "conflicts", "recommends", "suggests" -> {
                    @SuppressWarnings("unchecked")
                    Map<String, String> table = (Map<String, String>) extra.computeIfAbsent(
                            LEGACY_DEPENDENCY_KEYS.get(c.name()), k -> new LinkedHashMap<String, String>());
                    table.put(name(c, "a cookbook name"), constraint(c, false));
                }
                // Chef ignores unknown metadata methods ("the ghosts of metadata past or future"); so do we, aloud.
                default -> log.warn("{}:{}: ignored '{}', which is not part of Chef's cookbook metadata", file,
                        c.line(), c.name());
            }
        }

        private void legacyTable(RubySetting.Call c, String key) {
            arity(c, 1, 2, c.name() + " NAME, OPTIONS");
            Object options = c.args().size() > 1 ? RubyValues.plain(c.args().get(1)) : Map.of();
            if (!(options instanceof Map<?, ?>)) {
                throw wrong(c, c.name() + " options must be a hash such as display_name: 'Port'");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> table = (Map<String, Object>) extra.computeIfAbsent(key,
                    k -> new LinkedHashMap<String, Object>());
            table.put(string(c, 0, "a name"), options);
        }

        private void gemRequirement(RubySetting.Call c, List<List<String>> into) {
            if (c.args().isEmpty()) {
                return;
            }
            List<String> requirement = new ArrayList<>();
            for (int k = 0; k < c.args().size(); k++) {
                String text = string(c, k, "a version requirement String such as '>= 16'");
                requirement.add(VersionConstraints.gem(text).orElseThrow(() -> wrong(c, c.name()
                        + " needs requirements such as '>= 16.0', not " + RubyValues.inspect(text))));
            }
            requirement.sort(null); // Chef sorts each requirement's parts when it writes metadata.json
            into.add(List.copyOf(requirement));
        }

        private String constraint(RubySetting.Call c, boolean platform) {
            arity(c, 1, 2, c.name() + " NAME[, CONSTRAINT]");
            if (c.args().size() == 1) {
                return VersionConstraints.ANY;
            }
            String text = string(c, 1, "a version constraint String such as '~> 1.0'");
            return VersionConstraints.chef(text, platform).orElseThrow(() -> wrong(c, "invalid version constraint "
                    + RubyValues.inspect(text) + " for " + c.name() + " '" + RubyValues.toS(c.args().get(0))
                    + "': use one operator (<, <=, =, >=, >, ~>) and a version, such as '~> 1.2'"));
        }

        private String name(RubySetting.Call c, String what) {
            Object v = c.args().get(0);
            if (v instanceof String s) {
                return s;
            }
            if (v instanceof RubySymbol sym) {
                return sym.name();
            }
            throw wrong(c, c.name() + " needs " + what + " as a String, not " + RubyValues.typeName(v));
        }

        private String single(RubySetting.Call c, String what) {
            if (c.args().size() > 1) {
                throw wrong(c, c.name() + " takes one value, not " + c.args().size());
            }
            return string(c, 0, what);
        }

        private String string(RubySetting.Call c, int index, String what) {
            Object v = c.args().get(index);
            if (v instanceof String s) {
                return s;
            }
            throw wrong(c, c.name() + " needs " + what + ", not " + RubyValues.typeName(v));
        }

        private boolean bool(RubySetting.Call c) {
            if (c.args().size() == 1 && c.args().get(0) instanceof Boolean b) {
                return b;
            }
            throw wrong(c, c.name() + " needs true or false, not " + RubyValues.typeName(c.args().get(0)));
        }

        private Object eagerLoad(RubySetting.Call c) {
            Object v = c.args().get(0);
            if (c.args().size() == 1 && (v instanceof Boolean || v instanceof String
                    || v instanceof List<?> l && l.stream().allMatch(x -> x instanceof String))) {
                return v;
            }
            throw wrong(c, "eager_load_libraries needs true, false, a glob String or an Array of them");
        }

        private void arity(RubySetting.Call c, int min, int max, String usage) {
            if (c.args().size() < min || c.args().size() > max) {
                String more = c.name().equals("depends") || c.name().equals("supports")
                        ? " (Chef accepts only one constraint; use '~> 1.2' for a range)" : "";
                throw wrong(c, "write " + usage + more + "; it was given " + c.args().size() + " arguments");
            }
        }

        private ChefConfigException wrong(RubySetting.Call c, String message) {
            return new ChefConfigException(file, c.line(), message);
        }
    }
}
