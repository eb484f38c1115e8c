package dev.galley.knife;

import dev.galley.chef.ActorCredentials;
import dev.galley.chef.ApiClient;
import dev.galley.chef.ChefKey;
import dev.galley.chef.internal.Paths;
import dev.galley.core.GalleyException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code galley client ...}: API clients, as {@code knife client}. New private keys go to a file (mode 0600) or,
 * only when no file is given, to stdout; never to a log.
 */
@Command(name = "client", description = "API clients (knife client).",
        subcommands = {ClientCommand.ClientList.class, ClientCommand.ClientShow.class, ClientCommand.Create.class,
            ClientCommand.Delete.class, ClientCommand.Bulk.class, ClientCommand.Reregister.class,
            ClientCommand.Key.class})
public final class ClientCommand {
    private ClientCommand() {
    }

    /** {@code galley client list}. */
    @Command(name = "list", description = "List the API clients.")
    public static final class ClientList extends KnifeCommand {
        @Option(names = {"-w", "--with-uri"}, description = "Show each client's URI.")
        boolean withUri;

        @Override
        protected int run(KnifeSession session) {
            if (withUri) {
                session.output().print(session.chef().raw().request("GET", "/clients", new byte[0]).json());
            } else {
                session.output().print(session.chef().clients().list().stream().sorted().toList());
            }
            return 0;
        }
    }

    /** {@code galley client show NAME}: the client as the server returns it. */
    @Command(name = "show", description = "Show an API client.")
    public static final class ClientShow extends KnifeCommand {
        @Parameters(paramLabel = "CLIENT")
        String name;

        @Override
        protected int run(KnifeSession session) {
            session.output().print(session.chef().raw().request("GET", Paths.of("clients", name), new byte[0])
                    .json());
            return 0;
        }
    }

    /** {@code galley client create NAME [-f FILE] [--validator] [-p PUBLIC_KEY]}. */
    @Command(name = "create", description = "Create an API client. The server's new private key is written to "
            + "--file (mode 0600) or, without --file, printed on stdout.")
    public static final class Create extends KnifeCommand {
        @Parameters(paramLabel = "CLIENT")
        String name;

        @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "Write the private key to FILE "
                + "(mode 0600) instead of stdout.")
        Path file;

        @Option(names = "--validator", description = "Create the client as a validator.")
        boolean validator;

        @Option(names = {"-p", "--public-key"}, paramLabel = "FILE", description = "Give the client this public "
                + "key (PEM) instead of having the server generate a key pair.")
        Path publicKey;

        @Override
        protected int run(KnifeSession session) throws IOException {
            Optional<Path> target = Optional.ofNullable(file).map(f -> session.console().cwd().resolve(f));
            target.ifPresent(KeyFiles::checkWritable);
            Optional<String> pem = Optional.empty();
            if (publicKey != null) {
                Path p = session.console().cwd().resolve(publicKey);
                try {
                    pem = Optional.of(Files.readString(p));
                } catch (NoSuchFileException e) {
                    throw GalleyException.badInput("public key file " + p + " does not exist: check the path");
                }
                if (!pem.get().contains("-----BEGIN PUBLIC KEY-----")
                        && !pem.get().contains("-----BEGIN RSA PUBLIC KEY-----")) {
                    throw GalleyException.badInput(p + " is not a PEM public key (BEGIN PUBLIC KEY)");
                }
            }
            ActorCredentials created = session.chef().clients().create(name, validator, pem);
            session.info("Created client[" + name + "]");
            created.privateKey().ifPresent(key -> KeyFiles.deliver(session, key, target));
            return 0;
        }
    }

    /** {@code galley client delete CLIENT...}: validators only with {@code -D}. */
    @Command(name = "delete", description = "Delete API clients (validators only with --delete-validators).")
    public static final class Delete extends KnifeCommand {
        @Parameters(paramLabel = "CLIENT", arity = "1..*")
        List<String> names;

        @Option(names = {"-D", "--delete-validators"}, description = "Also delete validator clients.")
        boolean deleteValidators;

        @Override
        protected int run(KnifeSession session) {
            for (String name : names) {
                session.confirm("Do you really want to delete " + name);
                ApiClient client = session.chef().clients().get(name);
                if (client.validator() && !deleteValidators) {
                    throw GalleyException.badInput("client " + name + " is a validator: pass --delete-validators to "
                            + "delete it");
                }
                session.chef().clients().delete(name);
                session.info("Deleted client[" + name + "]");
            }
            return 0;
        }
    }

    /** {@code galley client bulk}: only {@code delete}. */
    @Command(name = "bulk", description = "Act on many clients at once.", subcommands = BulkDelete.class)
    public static final class Bulk {
    }

    /** {@code galley client bulk delete REGEX}: every client whose name matches, after one confirmation. */
    @Command(name = "delete", description = "Delete every client whose name matches REGEX (validators only with "
            + "--delete-validators).")
    public static final class BulkDelete extends KnifeCommand {
        @Parameters(paramLabel = "REGEX")
        String regex;

        @Option(names = {"-D", "--delete-validators"}, description = "Also delete matching validator clients.")
        boolean deleteValidators;

        @Override
        protected int run(KnifeSession session) {
            Pattern pattern;
            try {
                pattern = Pattern.compile(regex);
            } catch (PatternSyntaxException e) {
                throw GalleyException.badInput("'" + regex + "' is not a regular expression: "
                        + e.getDescription());
            }
            TreeMap<String, Boolean> matching = new TreeMap<>();
            for (String name : session.chef().clients().list()) {
                if (pattern.matcher(name).find()) {
                    matching.put(name, session.chef().clients().get(name).validator());
                }
            }
            if (matching.isEmpty()) {
                session.info("No clients match the expression /" + regex + "/");
                return 0;
            }
            List<String> validators = new ArrayList<>();
            List<String> clients = new ArrayList<>();
            matching.forEach((name, isValidator) -> (isValidator ? validators : clients).add(name));
            if (!validators.isEmpty() && !deleteValidators) {
                listNames(session, "The following clients are validators and will not be deleted:", validators);
                session.info("You must specify --delete-validators to delete the validator clients");
            } else if (!validators.isEmpty()) {
                listNames(session, "The following validators will be deleted:", validators);
                session.confirm("Are you sure you want to delete these validators");
                destroy(session, validators);
            }
            if (!clients.isEmpty()) {
                listNames(session, "The following clients will be deleted:", clients);
                session.confirm("Are you sure you want to delete these clients");
                destroy(session, clients);
            }
            return 0;
        }

        private static void listNames(KnifeSession session, String title, List<String> names) {
            session.info(title);
            session.info("");
            names.forEach(n -> session.info("  " + n));
            session.info("");
        }

        private static void destroy(KnifeSession session, List<String> names) {
            for (String name : names) {
                session.chef().clients().delete(name);
                session.info("Deleted client " + name);
            }
        }
    }

    /** {@code galley client reregister CLIENT [-f FILE]}: a new server-generated key, as knife 18 names it. */
    @Command(name = "reregister", description = "Replace a client's key with a new one from the server; the new "
            + "private key goes to --file (mode 0600) or stdout. The old key stops working at once.")
    public static final class Reregister extends KnifeCommand {
        @Parameters(paramLabel = "CLIENT")
        String name;

        @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "Write the new private key to FILE "
                + "(mode 0600) instead of stdout.")
        Path file;

        @Override
        protected int run(KnifeSession session) {
            return regenerate(session, name, file);
        }
    }

    /** {@code galley client key}: only {@code regenerate} (the keys API verbs are not on goiardi). */
    @Command(name = "key", description = "A client's key.", subcommands = KeyRegenerate.class)
    public static final class Key {
    }

    /** {@code galley client key regenerate CLIENT [-f FILE]}: the same as {@code client reregister}. */
    @Command(name = "regenerate", description = "The same as 'galley client reregister': replace the client's key "
            + "with a new one from the server, written to --file (mode 0600) or stdout.")
    public static final class KeyRegenerate extends KnifeCommand {
        @Parameters(paramLabel = "CLIENT")
        String name;

        @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "Write the new private key to FILE "
                + "(mode 0600) instead of stdout.")
        Path file;

        @Override
        protected int run(KnifeSession session) {
            return regenerate(session, name, file);
        }
    }

    private static int regenerate(KnifeSession session, String name, Path file) {
        Optional<Path> target = Optional.ofNullable(file).map(f -> session.console().cwd().resolve(f));
        target.ifPresent(KeyFiles::checkWritable);
        ActorCredentials renewed = session.chef().clients().regenerateKey(name);
        ChefKey key = renewed.privateKey().orElseThrow(() -> new GalleyException(dev.galley.core.Fault.UNAVAILABLE,
                "the server regenerated the key of client " + name + " but did not return it: regenerate again"));
        KeyFiles.deliver(session, key, target);
        return 0;
    }
}
