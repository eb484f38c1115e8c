package dev.galley.chef;

import dev.galley.chef.internal.databag.DataBagKeys;
import dev.galley.chef.internal.databag.IvSource;
import dev.galley.chef.internal.databag.ValueDecryptor;
import dev.galley.chef.internal.databag.ValueEncryptor;
import dev.galley.chef.internal.databag.ValueFormat;
import dev.galley.core.Secret;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Encrypts and decrypts data bag items in Chef's encrypted data bag formats with one secret, so that Chef, knife
 * and Galley read each other's items.
 *
 * <p>Every value except {@code "id"} is encrypted on its own. Decryption reads format versions 0 to 3, refusing
 * those below {@link #minimumDecryptVersion()}; encryption writes {@link #encryptVersion()} (3 unless set) with a
 * random IV per value. Immutable and thread-safe; {@code toString()} names where the secret came from, never
 * the secret.</p>
 *
 * <pre>{@code
 * EncryptedDataBags edb = EncryptedDataBags.withSecret(Secret.fromFile(Path.of("/etc/chef/secret")));
 * chef.dataBags().createItem("secrets", edb.encrypt(DataBagItem.of("db", Map.of("password", "..."))));
 * Object password = edb.decrypt(chef.dataBags().item("secrets", "db")).content().get("password");
 * }</pre>
 */
public final class EncryptedDataBags {
    private final Secret secret;
    private final EncryptedDataBagVersion encryptVersion;
    private final EncryptedDataBagVersion minimumDecryptVersion;
    private final IvSource ivs;

    private EncryptedDataBags(Secret secret, EncryptedDataBagVersion encryptVersion,
            EncryptedDataBagVersion minimumDecryptVersion, IvSource ivs) {
        this.secret = secret;
        this.encryptVersion = encryptVersion;
        this.minimumDecryptVersion = minimumDecryptVersion;
        this.ivs = ivs;
    }

    /**
     * Chef's defaults with this secret: encrypt with version 3, decrypt any version.
     *
     * @throws EncryptedDataBagException (empty secret) if the secret is empty, as Chef refuses it
     */
    public static EncryptedDataBags withSecret(Secret secret) {
        Objects.requireNonNull(secret, "secret");
        if (secret.apply(bytes -> bytes.length == 0)) {
            throw new EncryptedDataBagException(EncryptedDataBagException.Reason.EMPTY_SECRET, null, null,
                    "the data bag secret from " + secret.origin() + " is empty: give the secret the items are "
                            + "encrypted with");
        }
        return new EncryptedDataBags(secret, EncryptedDataBagVersion.V3, EncryptedDataBagVersion.V0,
                IvSource.secureRandom());
    }

    /**
     * The same, encrypting with {@code version} (Chef's {@code data_bag_encrypt_version}).
     *
     * @throws IllegalArgumentException for version 0, which Chef no longer writes
     */
    public EncryptedDataBags withEncryptVersion(EncryptedDataBagVersion version) {
        if (ValueFormat.of(Objects.requireNonNull(version, "version")).isEmpty()) {
            throw new IllegalArgumentException("encrypted data bag format version " + version.number()
                    + " can be read but not written: encrypt with version 1, 2 or 3");
        }
        return new EncryptedDataBags(secret, version, minimumDecryptVersion, ivs);
    }

    /** The same, refusing to decrypt values below {@code version} (Chef's data_bag_decrypt_minimum_version). */
    public EncryptedDataBags withMinimumDecryptVersion(EncryptedDataBagVersion version) {
        return new EncryptedDataBags(secret, encryptVersion, Objects.requireNonNull(version, "version"), ivs);
    }

    /** Pins the IVs, so that tests can compare with Chef's output byte for byte; never for real items. */
    EncryptedDataBags withIvSource(IvSource source) {
        return new EncryptedDataBags(secret, encryptVersion, minimumDecryptVersion,
                Objects.requireNonNull(source, "source"));
    }

    public EncryptedDataBagVersion encryptVersion() {
        return encryptVersion;
    }

    public EncryptedDataBagVersion minimumDecryptVersion() {
        return minimumDecryptVersion;
    }

    /** The item with every value but {@code "id"} encrypted, ready for {@link DataBags#createItem}. */
    public DataBagItem encrypt(DataBagItem plain) {
        ValueFormat format = ValueFormat.of(encryptVersion).orElseThrow();
        return secret.apply(bytes -> {
            try (DataBagKeys keys = new DataBagKeys(bytes)) {
                ValueEncryptor encryptor = new ValueEncryptor(keys, ivs);
                Map<String, Object> out = new LinkedHashMap<>();
                plain.content().forEach((k, v) -> out.put(k, k.equals("id") ? v : encryptor.encrypt(v, format)));
                return new DataBagItem(out);
            }
        });
    }

    /**
     * The item with every value but {@code "id"} decrypted; null values stay null, as in Chef.
     *
     * @throws EncryptedDataBagException naming the item and value that cannot be decrypted, and why
     */
    public DataBagItem decrypt(DataBagItem encrypted) {
        return secret.apply(bytes -> {
            try (DataBagKeys keys = new DataBagKeys(bytes)) {
                ValueDecryptor decryptor = new ValueDecryptor(keys, minimumDecryptVersion, secret.origin());
                Map<String, Object> out = new LinkedHashMap<>();
                encrypted.content().forEach((k, v) -> out.put(k,
                        k.equals("id") || v == null ? v : decryptor.decrypt(encrypted.id(), k, v)));
                return new DataBagItem(out);
            }
        });
    }

    /**
     * Whether the item looks encrypted, by Chef's rule ({@code CheckEncrypted}): at least one value besides
     * {@code "id"}, and every one a JSON object with exactly the fields of format version 1, 2 or 3. Items in
     * the legacy format 0 (bare strings) do not count, as in Chef.
     */
    public static boolean isEncrypted(DataBagItem item) {
        return ValueFormat.itemLooksEncrypted(item.content());
    }

    @Override
    public String toString() {
        return "EncryptedDataBags[secret from " + secret.origin() + ", encrypt v" + encryptVersion.number()
                + ", decrypt v" + minimumDecryptVersion.number() + "+]";
    }
}
