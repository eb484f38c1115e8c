package dev.galley.knife;

import com.fasterxml.jackson.databind.JsonNode;
import dev.galley.chef.ChefNotFoundException;
import dev.galley.chef.DataBagItem;
import dev.galley.chef.DataBags;
import dev.galley.chef.EncryptedDataBags;
import dev.galley.chef.internal.Json;
import dev.galley.core.GalleyException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The data bag commands that write: {@code create}, {@code from file} and {@code edit}, encrypting with a secret
 * as knife does. Every input is read and checked before anything on the server changes.
 */
public final class DataBagChangeCommands {
    private static final Pattern BAG_NAME = Pattern.compile("[A-Za-z0-9_.-]+");

    private DataBagChangeCommands() {
    }

    /** {@code galley data bag create BAG [ITEM]}: the bag if missing, and the item (encrypted with a secret). */
    @Command(name = "create", description = "Create a data bag, and an item in it. Galley opens no editor: the item "
            + "is {\"id\": ITEM}, or the JSON object in --input FILE. A secret from --secret-file or --secret (or "
            + "--encrypt with the configured one) encrypts it, with data_bag_encrypt_version (default 3).")
    public static final class Create extends KnifeCommand {
        @Parameters(index = "0", paramLabel = "BAG")
        String bag;

        @Parameters(index = "1", paramLabel = "ITEM", arity = "0..1")
        String item;

        @Option(names = "--input", paramLabel = "FILE", description = "JSON file with the item's content.")
        Path input;

        @Mixin
        DataBagSecretOptions secrets;

        @Override
        protected int run(KnifeSession session) {
            checkBagName(bag);
            DataBagItem plain = null;
            Optional<EncryptedDataBags> encryption = Optional.empty();
            if (item != null) {
                Map<String, Object> content = input == null ? new LinkedHashMap<>()
                        : readObject(session.console().cwd().resolve(input));
                plain = withId(content, item, input);
                encryption = secrets.forWriting(session);
            } else if (input != null) {
                throw GalleyException.badInput("--input needs an ITEM: galley data bag create " + bag + " ITEM "
                        + "--input " + input);
            }
            DataBags bags = session.chef().dataBags();
            if (bagExists(bags, bag)) {
                session.info("Data bag " + bag + " already exists");
            } else {
                bags.create(bag);
                session.info("Created data_bag[" + bag + "]");
            }
            if (plain != null) {
                DataBagItem toSave = encryption.isPresent() ? encryption.get().encrypt(plain) : plain;
                bags.createItem(bag, toSave);
                session.info("Created data_bag_item[" + item + "]");
            }
            return 0;
        }
    }

    /** {@code galley data bag from}: only {@code file}. */
    @Command(name = "from", description = "Load data bag items from files.", subcommands = FromFile.class)
    public static final class From {
    }

    /** {@code galley data bag from file BAG FILE|DIR...} and {@code -a}: items from JSON files, created or replaced. */
    @Command(name = "file", description = "Create or replace data bag items from JSON files (a directory means its "
            + "*.json files; a name not found as given is looked up in data_bags/BAG/). With -a: every item of "
            + "every bag under ./data_bags, or of one BAG.")
    public static final class FromFile extends KnifeCommand {
        @Option(names = {"-a", "--all"}, description = "Load every bag under ./data_bags (or every item of BAG).")
        boolean all;

        @Parameters(paramLabel = "BAG FILE", arity = "0..*")
        List<String> args = new ArrayList<>();

        @Mixin
        DataBagSecretOptions secrets;

        @Override
        protected int run(KnifeSession session) {
            Path cwd = session.console().cwd();
            Map<String, List<Path>> filesByBag = new LinkedHashMap<>();
            if (all) {
                Path root = cwd.resolve("data_bags");
                List<String> names = args.isEmpty() ? directories(root) : List.of(args.get(0));
                for (String name : names) {
                    filesByBag.put(name, jsonFiles(root.resolve(name)));
                }
            } else {
                if (args.size() < 2) {
                    throw GalleyException.badInput("give a data bag and at least one file: galley data bag from file "
                            + "BAG FILE|DIR... (or -a)");
                }
                String name = args.get(0);
                List<Path> files = new ArrayList<>();
                for (String arg : args.subList(1, args.size())) {
                    files.addAll(itemFiles(cwd, name, arg));
                }
                filesByBag.put(name, files);
            }
            // Read and check every file first, so that a bad one leaves the server unchanged.
            Map<String, List<DataBagItem>> items = new LinkedHashMap<>();
            for (Map.Entry<String, List<Path>> e : filesByBag.entrySet()) {
                checkBagName(e.getKey());
                List<DataBagItem> list = new ArrayList<>();
                for (Path f : e.getValue()) {
                    Map<String, Object> content = readObject(f);
                    if (!(content.get("id") instanceof String id) || id.isBlank()) {
                        throw GalleyException.badInput(f + " has no \"id\": a data bag item needs a string id");
                    }
                    list.add(new DataBagItem(content));
                }
                items.put(e.getKey(), list);
            }
            Optional<EncryptedDataBags> encryption = secrets.forWriting(session);
            DataBags bags = session.chef().dataBags();
            items.forEach((name, list) -> {
                for (DataBagItem plain : list) {
                    DataBagItem toSave = encryption.isPresent() ? encryption.get().encrypt(plain) : plain;
                    save(bags, name, toSave);
                    session.info("Updated data_bag_item[" + name + "::" + plain.id() + "]");
                }
            });
            return 0;
        }

        /** Chef's DataBagItem#save: replace, or create when the item is new. */
        private static void save(DataBags bags, String bag, DataBagItem item) {
            try {
                bags.updateItem(bag, item);
            } catch (ChefNotFoundException e) {
                bags.createItem(bag, item);
            }
        }

        private static List<Path> itemFiles(Path cwd, String bag, String arg) {
            Path given = cwd.resolve(arg);
            if (Files.isDirectory(given)) {
                return jsonFiles(given);
            }
            if (Files.isRegularFile(given)) {
                return List.of(given);
            }
            Path inRepo = cwd.resolve("data_bags").resolve(bag).resolve(arg);
            if (Files.isRegularFile(inRepo)) {
                return List.of(inRepo);
            }
            throw GalleyException.badInput("data bag item file " + given + " does not exist (nor " + inRepo
                    + "): check the path");
        }
    }

    /**
     * {@code galley data bag edit BAG ITEM --input FILE}: replaces an item with the file's content, encrypted again
     * when it was encrypted.
     */
    @Command(name = "edit", description = "Replace a data bag item with the JSON object in --input FILE (galley opens "
            + "no editor: get the item with 'galley data bag show BAG ITEM -F json', edit it, then pass it here). An "
            + "encrypted item needs its secret, and is saved encrypted again.")
    public static final class Edit extends KnifeCommand {
        @Parameters(index = "0", paramLabel = "BAG")
        String bag;

        @Parameters(index = "1", paramLabel = "ITEM")
        String item;

        @Option(names = "--input", paramLabel = "FILE", description = "JSON file with the edited item (plain text).")
        Path input;

        @Mixin
        DataBagSecretOptions secrets;

        @Override
        protected int run(KnifeSession session) {
            if (input == null) {
                throw GalleyException.badInput("galley data bag edit is not interactive: give the edited item with "
                        + "--input FILE (get it with 'galley data bag show " + bag + " " + item + " -F json')");
            }
            DataBagItem edited = withId(readObject(session.console().cwd().resolve(input)), item, input);
            Optional<EncryptedDataBags> readWith = secrets.forReading(session);
            DataBagItem current = session.chef().dataBags().item(bag, item);
            boolean wasEncrypted = EncryptedDataBags.isEncrypted(current);
            Optional<EncryptedDataBags> writeWith;
            if (wasEncrypted) {
                EncryptedDataBags bags = readWith.orElseThrow(() -> GalleyException.badInput("data bag item " + bag
                        + "/" + item + " is encrypted: give its secret with --secret-file FILE to edit it"
                        + DataBagSecretOptions.unusedClientSecretHint(session.config())));
                bags.decrypt(current); // a wrong secret stops here, before anything is saved
                writeWith = readWith;
            } else {
                writeWith = secrets.forWriting(session);
            }
            DataBagItem toSave;
            if (writeWith.isPresent()) {
                session.info("Encrypting data bag using provided secret.");
                toSave = writeWith.get().encrypt(edited);
            } else {
                session.info("Saving data bag unencrypted. To encrypt it, provide an appropriate secret.");
                toSave = edited;
            }
            session.chef().dataBags().updateItem(bag, toSave);
            session.info("Saved data_bag_item[" + item + "]");
            return 0;
        }
    }

    static void checkBagName(String name) {
        if (!BAG_NAME.matcher(name).matches()) {
            throw GalleyException.badInput("'" + name + "' is not a valid data bag name: use only letters, digits, "
                    + "'_', '-' and '.'");
        }
    }

    private static boolean bagExists(DataBags bags, String bag) {
        try {
            bags.items(bag);
            return true;
        } catch (ChefNotFoundException e) {
            return false;
        }
    }

    /** The item with the id the command line names; a file naming another id is refused. */
    private static DataBagItem withId(Map<String, Object> content, String id, Path file) {
        Object given = content.get("id");
        if (given != null && !given.equals(id)) {
            throw GalleyException.badInput(file + " is the item \"" + given + "\", not \"" + id + "\": make its "
                    + "\"id\" match");
        }
        return DataBagItem.of(id, content);
    }

    /** A JSON object from a file, in the file's key order. */
    static Map<String, Object> readObject(Path file) {
        JsonNode tree;
        try {
            tree = Json.MAPPER.readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw GalleyException.badInput("file " + file + " does not exist: check the path");
        } catch (IOException e) {
            throw GalleyException.badInput(file + " is not valid JSON: "
                    + e.getMessage().lines().findFirst().orElse("").replaceAll(" \\(for Object starting at.*", ""));
        }
        if (tree == null || !tree.isObject()) {
            throw GalleyException.badInput(file + " does not hold a JSON object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> map = Json.MAPPER.convertValue(tree, LinkedHashMap.class);
        return map;
    }

    private static List<String> directories(Path root) {
        try (Stream<Path> s = Files.list(root)) {
            return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw GalleyException.badInput("cannot list " + root + " (" + e.getMessage() + "): -a loads the data "
                    + "bags under ./data_bags; run it in a chef repo");
        }
    }

    private static List<Path> jsonFiles(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".json") && Files.isRegularFile(p)).sorted()
                    .toList();
        } catch (IOException e) {
            throw GalleyException.badInput("cannot list " + dir + " (" + e.getMessage() + "): check the path");
        }
    }
}
