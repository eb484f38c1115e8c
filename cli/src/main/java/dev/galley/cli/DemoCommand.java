package dev.galley.cli;

import dev.galley.knife.Console;
import dev.galley.chef.ChefClient;
import dev.galley.chef.Environment;
import dev.galley.chef.Node;
import dev.galley.chef.Role;
import dev.galley.chef.RunList;
import dev.galley.lab.GoiardiServer;
import dev.galley.lab.LabRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code galley demo}: the main job on the local lab. Today it starts the lab's Chef server and exercises the
 * Chef client on it; the convergence loop, the database moves and the readiness report join as they land.
 */
@Command(name = "demo", description = "Run the migration story on the local lab and print its report.")
final class DemoCommand implements Callable<Integer> {
    @Option(names = "--down", description = "Stop the lab at the end instead of leaving it running.")
    boolean down;

    private final Console console;

    DemoCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        LabRegistry registry = LabCommand.registry(console);
        step("1/3 starting the lab's Chef server");
        LabRegistry.Entry chef = LabCommand.startChef(console, registry);
        var dir = registry.directory("chef");
        try (ChefClient client = ChefClient.builder().serverUrl(chef.url()).user(GoiardiServer.ADMIN)
                .keyFile(dir.resolve("admin.pem")).build()) {
            step("2/3 loading the demo estate (environments, roles, nodes) through the signed API");
            for (String env : List.of("staging", "production")) {
                if (client.environments().find(env).isEmpty()) {
                    client.environments().create(Environment.named(env).withDescription("demo " + env));
                }
            }
            for (String role : List.of("base", "web", "db_mysql", "db_mongo", "app")) {
                if (client.roles().find(role).isEmpty()) {
                    client.roles().create(Role.named(role).withRunList(RunList.of("recipe[" + role + "]")));
                }
            }
            for (String node : List.of("web1", "web2", "db1", "db2", "mongo1", "app1")) {
                if (client.nodes().find(node).isEmpty()) {
                    String role = node.startsWith("web") ? "web" : node.startsWith("db") ? "db_mysql"
                            : node.startsWith("mongo") ? "db_mongo" : "app";
                    client.nodes().create(Node.named(node).withEnvironment("production")
                            .withRunList(RunList.of("role[base]", "role[" + role + "]"))
                            .withNormal(Map.of("galley", Map.of("demo", true))));
                }
            }
            step("3/3 searching the estate");
            long dbNodes = client.search().query("node", "role:db_mysql AND chef_environment:production").stream()
                    .count();
            console.out().println();
            console.out().println("Chef server      " + chef.url() + " (goiardi, pid " + chef.pid() + ")");
            console.out().println("signing          protocol " + client.signingVersion() + " via "
                    + client.signingEngine());
            console.out().println("nodes            " + client.nodes().list().size() + " (" + dbNodes
                    + " MySQL database nodes in production)");
            console.out().println("roles            " + client.roles().list());
            console.out().println();
            console.out().println("Next stages of the demo (convergence loop, MySQL and MongoDB moves, readiness "
                    + "report) arrive with their features.");
        }
        if (down) {
            return new LabCommand.Down(console).call();
        }
        console.out().println("The lab keeps running; stop it with: galley lab down");
        return ExitCodes.OK;
    }

    private void step(String what) {
        console.err().println("galley demo: " + what + " ...");
        console.err().flush();
    }
}
