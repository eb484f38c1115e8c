package dev.galley.knife;

import dev.galley.chef.internal.Paths;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code galley user list|show}: the server's users (global, under chef_server_root), as {@code knife user}.
 */
@Command(name = "user", description = "Chef users (knife user).",
        subcommands = {UserCommand.UserList.class, UserCommand.UserShow.class})
public final class UserCommand {
    private UserCommand() {
    }

    /** {@code galley user list}. */
    @Command(name = "list", description = "List the users.")
    public static final class UserList extends KnifeCommand {
        @Option(names = {"-w", "--with-uri"}, description = "Show each user's URI.")
        boolean withUri;

        @Override
        protected int run(KnifeSession session) {
            if (withUri) {
                String url = session.chef().serverUrl().resolveGlobal("/users").toString();
                session.output().print(session.chef().raw().request("GET", url, new byte[0]).json());
            } else {
                session.output().print(session.chef().users().list().stream().sorted().toList());
            }
            return 0;
        }
    }

    /** {@code galley user show USER}: the user as the server returns it. */
    @Command(name = "show", description = "Show a user.")
    public static final class UserShow extends KnifeCommand {
        @Parameters(paramLabel = "USER")
        String name;

        @Override
        protected int run(KnifeSession session) {
            String url = session.chef().serverUrl().resolveGlobal(Paths.of("users", name)).toString();
            session.output().print(session.chef().raw().request("GET", url, new byte[0]).json());
            return 0;
        }
    }
}
