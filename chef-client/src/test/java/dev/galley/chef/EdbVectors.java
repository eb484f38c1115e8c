package dev.galley.chef;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.galley.chef.internal.Json;
import dev.galley.chef.internal.databag.IvSource;
import dev.galley.core.Secret;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/** The encrypted data bag golden vectors of the reference oracles (test resources under /oracle). */
final class EdbVectors {
    static final String SECRET_TEXT = "s3cr3t-data-bag-key";
    static final byte[] IV16 = HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f");
    static final byte[] IV12 = HexFormat.of().parseHex("000102030405060708090a0b");
    /** The IVs edb_reference.rb pinned: 16 bytes for CBC, 12 for GCM. */
    static final IvSource ORACLE_IVS = length -> (length == 16 ? IV16 : IV12).clone();

    private EdbVectors() {
    }

    static Secret secret() {
        return Secret.of(SECRET_TEXT, "test vectors");
    }

    static EncryptedDataBags edb() {
        return EncryptedDataBags.withSecret(secret());
    }

    /** edb_vectors.json: v1, v2, v3 values of one plaintext, made by edb_reference.rb. */
    static Map<String, Object> current() {
        return read("edb_vectors.json");
    }

    /** edb_v0_vectors.json: legacy values, made by edb_v0_vectors.rb. */
    static Map<String, Object> legacy() {
        return read("edb_v0_vectors.json");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Map<String, Object> doc, String... path) {
        Map<String, Object> cur = doc;
        for (String step : path) {
            cur = (Map<String, Object>) cur.get(step);
        }
        return cur;
    }

    /** An item holding the oracle's vN value under "password". */
    static DataBagItem oracleItem(EncryptedDataBagVersion version) {
        return DataBagItem.of("db", Map.of("password", map(current(), "v" + version.number())));
    }

    /** The oracle's vN value with one field replaced. */
    static DataBagItem oracleItemWith(EncryptedDataBagVersion version, String field, Object replacement) {
        Map<String, Object> value = new LinkedHashMap<>(map(current(), "v" + version.number()));
        value.put(field, replacement);
        return DataBagItem.of("db", Map.of("password", value));
    }

    private static Map<String, Object> read(String name) {
        try (InputStream in = EdbVectors.class.getResourceAsStream("/oracle/" + name)) {
            return Json.MAPPER.readValue(in, new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
