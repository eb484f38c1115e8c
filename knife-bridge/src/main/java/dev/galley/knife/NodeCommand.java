package dev.galley.knife;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.galley.chef.ChefNotFoundException;
import dev.galley.chef.Node;
import dev.galley.chef.internal.Json;
import dev.galley.chef.internal.Paths;
import dev.galley.core.GalleyException;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code galley node ...}: knife's node commands.
 */
@Command(name = "node", description = "List, show, create, edit and delete nodes; change their run lists (knife node).",
        subcommands = {NodeCommand.List.class, NodeCommand.Show.class, NodeCommand.Create.class, NodeEdit.class,
            NodeCommand.Delete.class, NodeCommand.From.class, NodeCommand.Bulk.class, NodeRunListCommand.class,
            NodeCommand.EnvironmentSet.class, NodeCommand.PolicySet.class})
public final class NodeCommand {

    /** {@code galley node list [-w] [-E ENVIRONMENT]}. */
    @Command(name = "list", description = "List the nodes (with -E, those of one environment), one a line.")
    public static final class List extends ObjectVerbs.ListVerb {
        @Override
        ObjectKind kind() {
            return ObjectKind.NODE;
        }

        @Override
        JsonNode serverListing(KnifeSession session) {
            String env = session.options().environment();
            if (env == null) {
                if (session.options().environmentGiven()) {
                    throw GalleyException.badInput("-E needs the name of an environment");
                }
                return super.serverListing(session);
            }
            ObjectKind.ENVIRONMENT.checkName(env);
            try {
                return session.chef().raw().request("GET", Paths.of("environments", env, "nodes"), new byte[0])
                        .json();
            } catch (ChefNotFoundException e) {
                throw ObjectKind.ENVIRONMENT.notFound(session, env);
            }
        }
    }

    /** {@code galley node show NODE}: knife's node summary, or the node's JSON, or the parts asked for. */
    @Command(name = "show", description = "Show a node: a summary (-m adds its normal attributes, -l all of them), "
            + "its JSON with -F json, or only what -a, -r or -E ask for.")
    public static final class Show extends KnifeCommand {
        @Parameters(arity = "0..1", paramLabel = "NODE", description = "The node to show.")
        String name;

        @Option(names = {"-a", "--attribute"}, paramLabel = "ATTR",
                description = "Show only this attribute (a dotted path into the merged attributes, such as "
                        + "kernel.release, or a node field such as chef_environment); repeatable.")
        java.util.List<String> attributes;

        @Option(names = {"-S", "--field-separator"}, paramLabel = "SEPARATOR", defaultValue = ".",
                description = "Separator of the parts of an --attribute path (default '.').")
        String separator;

        @Option(names = {"-r", "--run-list"}, description = "Show only the run list.")
        boolean runList;

        @Option(names = {"-l", "--long"}, description = "Show all attributes (JSON: also default, override and "
                + "automatic).")
        boolean long_;

        @Option(names = {"-m", "--medium"}, description = "Show the normal attributes too.")
        boolean medium;

        @Override
        protected int run(KnifeSession session) {
            KnifeOptions o = session.options();
            boolean environmentOnly = o.environmentGiven();
            // 'galley node show -E web1': picocli gives web1 to -E, which knife reads as a flag here.
            String node = name != null ? name : o.environment();
            if (node == null) {
                throw GalleyException.badInput("give the NODE to show (see 'galley node list')");
            }
            JsonNode doc = ObjectKind.NODE.fetch(session, node);
            Output out = session.output();
            if (attributes != null && !attributes.isEmpty()) {
                out.print(ObjectViews.attributes(node, NodePresenter.merged(doc), doc, attributes, separator));
            } else if (runList) {
                out.print(ObjectViews.runList(node, doc.get("run_list")));
            } else if (environmentOnly) {
                out.print(JsonNodeFactory.instance.objectNode().set("chef_environment", doc.get("chef_environment")));
            } else {
                switch (out.format()) {
                    case SUMMARY -> {
                        out.writer().print(NodePresenter.summary(doc, out, session.color(), medium, long_));
                        out.writer().flush();
                    }
                    case TEXT -> out.print(NodePresenter.display(doc));
                    case JSON, YAML -> out.print(NodePresenter.json(doc, long_));
                }
            }
            return 0;
        }
    }

    /** {@code galley node create NODE}. */
    @Command(name = "create", description = "Create a node: from --input FILE, as it is with --disable-editing, or "
            + "in $EDITOR on a terminal.")
    public static final class Create extends ObjectVerbs.CreateVerb {
        @Override
        ObjectKind kind() {
            return ObjectKind.NODE;
        }

        @Override
        ObjectNode template(String name) {
            return (ObjectNode) Json.tree(Node.named(name));
        }
    }

    /** {@code galley node delete NODE...}. */
    @Command(name = "delete", description = "Delete nodes (asks for each unless -y).")
    public static final class Delete extends ObjectVerbs.DeleteVerb {
        @Override
        ObjectKind kind() {
            return ObjectKind.NODE;
        }
    }

    /** {@code galley node from file FILE...}. */
    @Command(name = "from", description = "Create or replace nodes from JSON files.", subcommands = From.File.class)
    public static final class From {
        /** The command itself. */
        @Command(name = "file", description = "Create or replace nodes from JSON files (Galley reads JSON only, "
                + "never Ruby); every file is checked before any is saved.")
        public static final class File extends ObjectVerbs.FromFileVerb {
            @Override
            ObjectKind kind() {
                return ObjectKind.NODE;
            }
        }
    }

    /** {@code galley node bulk delete REGEX}. */
    @Command(name = "bulk", description = "Delete every node a regular expression matches.",
            subcommands = Bulk.Delete.class)
    public static final class Bulk {
        /** The command itself. */
        @Command(name = "delete", description = "Delete every node whose name the regular expression matches "
                + "(lists them and asks once unless -y).")
        public static final class Delete extends ObjectVerbs.BulkDeleteVerb {
            @Override
            ObjectKind kind() {
                return ObjectKind.NODE;
            }
        }
    }

    /** {@code galley node environment set NODE ENVIRONMENT}. */
    @Command(name = "environment", description = "Set a node's environment.", subcommands = EnvironmentSet.Set.class)
    public static final class EnvironmentSet {
        /** The command itself. */
        @Command(name = "set", description = "Set a node's environment (read, change, save, verify: a chef-client "
                + "run saving the node at the same time does not undo it).")
        public static final class Set extends KnifeCommand {
            @Parameters(index = "0", paramLabel = "NODE")
            String node;

            @Parameters(index = "1", paramLabel = "ENVIRONMENT")
            String environment;

            @Override
            protected int run(KnifeSession session) {
                ObjectKind.ENVIRONMENT.checkName(environment);
                ObjectKind.NODE.fetch(session, node);
                if (!ObjectKind.ENVIRONMENT.exists(session.chef(), environment)) {
                    throw ObjectKind.ENVIRONMENT.notFound(session, environment);
                }
                Node saved = session.chef().nodes().setEnvironment(node, environment);
                session.output().print(JsonNodeFactory.instance.objectNode()
                        .put("chef_environment", saved.chefEnvironment()));
                return 0;
            }
        }
    }

    /** {@code galley node policy set NODE POLICY_GROUP POLICY_NAME}. */
    @Command(name = "policy", description = "Set a node's Policyfile policy.", subcommands = PolicySet.Set.class)
    public static final class PolicySet {
        /** The command itself. */
        @Command(name = "set", description = "Put a node in policy mode: set its policy group and policy name "
                + "(the server must support policies).")
        public static final class Set extends KnifeCommand {
            @Parameters(arity = "1..*", paramLabel = "NODE POLICY_GROUP POLICY_NAME")
            java.util.List<String> args;

            @Override
            protected int run(KnifeSession session) {
                if (args.size() != 3) {
                    throw GalleyException.badInput("give NODE POLICY_GROUP POLICY_NAME: the policy group and name "
                            + "must be given together");
                }
                String node = args.get(0);
                String group = args.get(1);
                String policy = args.get(2);
                ObjectKind.NODE.fetch(session, node);
                session.chef().nodes().update(node, n -> new Node(n.name(), n.chefEnvironment(), n.runList(),
                        n.normal(), n.defaults(), n.override(), n.automatic(), Optional.of(policy),
                        Optional.of(group), n.jsonClass(), n.chefType(), n.extra()));
                session.info("Successfully set the policy on node " + node);
                return 0;
            }
        }
    }
}
