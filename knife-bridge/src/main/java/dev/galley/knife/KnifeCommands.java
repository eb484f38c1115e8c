package dev.galley.knife;

import java.util.List;

/**
 * Every top-level knife-style command, for the root command to mount. The root adds only the one a command line
 * names (the tree is built by reflection, which costs start-up time), and all of them for help and completion.
 */
public final class KnifeCommands {
    /** Top-level commands in the order help lists them. */
    public static final List<Class<?>> TOP_LEVEL = List.of(
            NodeCommand.class,
            RoleCommand.class,
            EnvironmentCommand.class,
            RawCommand.class,
            ConfigCommand.class,
            CookbookCommand.class,
            DataBagCommand.class,
            ClientCommand.class,
            UserCommand.class,
            SearchCommand.class,
            StatusCommand.class,
            UploadCommand.class,
            DownloadCommand.class,
            DiffCommand.class,
            SslCommand.class,
            SshCommand.class);

    private KnifeCommands() {
    }
}
