package dev.galley.chef;

import java.util.List;
import java.util.Optional;

/**
 * The data bag endpoints ({@code /data}). Encrypted items are stored as any other; see {@link EncryptedDataBags}
 * to encrypt and decrypt their values.
 */
public interface DataBags {

    /** All data bag names, sorted. */
    List<String> list();

    /** @throws ChefConflictException if the bag exists */
    void create(String bag);

    /** Deletes the bag and every item in it. */
    void delete(String bag);

    /** Item ids in a bag, sorted. @throws ChefNotFoundException if there is no such bag */
    List<String> items(String bag);

    /** @throws ChefNotFoundException if there is no such bag or item */
    DataBagItem item(String bag, String id);

    Optional<DataBagItem> findItem(String bag, String id);

    /** @throws ChefConflictException if the item exists */
    DataBagItem createItem(String bag, DataBagItem item);

    DataBagItem updateItem(String bag, DataBagItem item);

    void deleteItem(String bag, String id);
}
