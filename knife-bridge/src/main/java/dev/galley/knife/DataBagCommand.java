package dev.galley.knife;

import dev.galley.chef.DataBagItem;
import dev.galley.chef.EncryptedDataBags;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code galley data bag ...}: data bags and their items, encrypted or not, as {@code knife data bag}.
 */
@Command(name = "data", description = "Data bags (knife data bag).", subcommands = DataBagCommand.Bag.class)
public final class DataBagCommand {

    /** {@code galley data bag}: the verbs. */
    @Command(name = "bag", description = "List, show, create, load, edit and delete data bags and items.",
            subcommands = {DataBagCommand.BagList.class, DataBagCommand.BagShow.class,
                DataBagChangeCommands.Create.class, DataBagChangeCommands.From.class, DataBagChangeCommands.Edit.class,
                DataBagCommand.BagDelete.class})
    public static final class Bag {
    }

    /** {@code galley data bag list}: the data bags, sorted. */
    @Command(name = "list", description = "List the data bags.")
    public static final class BagList extends KnifeCommand {
        @Option(names = {"-w", "--with-uri"}, description = "Show each data bag's URI.")
        boolean withUri;

        @Override
        protected int run(KnifeSession session) {
            if (withUri) {
                session.output().print(session.chef().raw().request("GET", "/data", new byte[0]).json());
            } else {
                session.output().print(session.chef().dataBags().list());
            }
            return 0;
        }
    }

    /**
     * {@code galley data bag show BAG [ITEM]}: a bag's item ids, or one item, decrypted when a secret is given or
     * configured (knife's rules: a secret from --secret, --secret-file, knife[:secret] or knife[:secret_file]).
     */
    @Command(name = "show", description = "Show a data bag's items, or one item (decrypted when a secret is given "
            + "with --secret-file or --secret, or configured as knife[:secret_file] or knife[:secret]).")
    public static final class BagShow extends KnifeCommand {
        @Parameters(index = "0", paramLabel = "BAG")
        String bag;

        @Parameters(index = "1", paramLabel = "ITEM", arity = "0..1")
        String item;

        @Mixin
        DataBagSecretOptions secrets;

        @Override
        protected int run(KnifeSession session) {
            if (item == null) {
                session.output().print(session.chef().dataBags().items(bag));
                return 0;
            }
            Optional<EncryptedDataBags> decryption = secrets.forReading(session);
            DataBagItem raw = session.chef().dataBags().item(bag, item);
            boolean encrypted = EncryptedDataBags.isEncrypted(raw);
            if (encrypted && decryption.isPresent()) {
                DataBagItem plain = decryption.get().decrypt(raw);
                session.info("Encrypted data bag detected, decrypting with provided secret.");
                session.output().print(plain.json());
            } else if (encrypted) {
                session.info("WARNING: Encrypted data bag detected, but no secret provided for decoding. Displaying "
                        + "encrypted data." + DataBagSecretOptions.unusedClientSecretHint(session.config()));
                session.output().print(raw.json());
            } else {
                if (decryption.isPresent()) {
                    session.info("WARNING: Unencrypted data bag detected, ignoring any provided secret options.");
                }
                session.output().print(raw.json());
            }
            return 0;
        }
    }

    /** {@code galley data bag delete BAG [ITEM]}: after confirmation, as knife. */
    @Command(name = "delete", description = "Delete a data bag with all its items, or one item.")
    public static final class BagDelete extends KnifeCommand {
        @Parameters(index = "0", paramLabel = "BAG")
        String bag;

        @Parameters(index = "1", paramLabel = "ITEM", arity = "0..1")
        String item;

        @Override
        protected int run(KnifeSession session) {
            if (item != null) {
                session.confirm("Do you really want to delete " + item);
                session.chef().dataBags().deleteItem(bag, item);
                session.info("Deleted data_bag_item[" + item + "]");
            } else {
                session.confirm("Do you really want to delete " + bag);
                session.chef().dataBags().delete(bag);
                session.info("Deleted data_bag[" + bag + "]");
            }
            return 0;
        }
    }

    private DataBagCommand() {
    }
}
