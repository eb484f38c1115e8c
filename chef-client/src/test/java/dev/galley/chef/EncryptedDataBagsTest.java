package dev.galley.chef;

import static dev.galley.chef.EdbVectors.ORACLE_IVS;
import static dev.galley.chef.EdbVectors.current;
import static dev.galley.chef.EdbVectors.edb;
import static dev.galley.chef.EdbVectors.map;
import static dev.galley.chef.EdbVectors.oracleItem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.galley.chef.internal.databag.ChefBase64;
import dev.galley.core.Secret;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EncryptedDataBagsTest {

    @ParameterizedTest
    @EnumSource(value = EncryptedDataBagVersion.class, names = {"V1", "V2", "V3"})
    void decrypt_oracleVector_givesThePlaintextValue(EncryptedDataBagVersion version) {
        DataBagItem plain = edb().decrypt(oracleItem(version));

        assertThat(plain.id()).isEqualTo("db");
        assertThat(plain.content().get("password")).isEqualTo(current().get("plaintext_value"));
    }

    @ParameterizedTest
    @EnumSource(value = EncryptedDataBagVersion.class, names = {"V1", "V2", "V3"})
    void encrypt_withTheOraclesIvs_writesChefsValueByteForByte(EncryptedDataBagVersion version) {
        EncryptedDataBags pinned = edb().withEncryptVersion(version).withIvSource(ORACLE_IVS);

        DataBagItem encrypted = pinned.encrypt(
                DataBagItem.of("db", Map.of("password", current().get("plaintext_value"))));

        // Same fields, same values, same order as Chef's encryptor writes them.
        @SuppressWarnings("unchecked")
        Map<String, Object> value = (Map<String, Object>) encrypted.content().get("password");
        assertThat(value).containsExactlyEntriesOf(map(current(), "v" + version.number()));
    }

    @Test
    void encrypt_defaultsToVersion3_withARandomIvPerValue() {
        DataBagItem encrypted = edb().encrypt(DataBagItem.of("db", Map.of("a", "same", "b", "same")));

        Map<?, ?> a = (Map<?, ?>) encrypted.content().get("a");
        Map<?, ?> b = (Map<?, ?>) encrypted.content().get("b");
        assertThat(a.get("version")).isEqualTo(3);
        assertThat(a.get("cipher")).isEqualTo("aes-256-gcm");
        assertThat(ChefBase64.decode64((String) a.get("iv"))).hasSize(12);
        assertThat(a.get("iv")).isNotEqualTo(b.get("iv"));
        assertThat(a.get("encrypted_data")).isNotEqualTo(b.get("encrypted_data"));
    }

    @ParameterizedTest
    @EnumSource(value = EncryptedDataBagVersion.class, names = {"V1", "V2", "V3"})
    void encryptThenDecrypt_roundTripsEveryKindOfJsonValue(EncryptedDataBagVersion version) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("string", "p@ss/wörd \"quoted\" \\ \n\t✓ 😀");
        fields.put("empty", "");
        fields.put("int", 5432);
        fields.put("long", 9_000_000_000L);
        fields.put("big", new BigInteger("123456789012345678901234567890"));
        fields.put("decimal", new BigDecimal("0.10"));
        fields.put("negative", -1);
        fields.put("true", true);
        fields.put("false", false);
        fields.put("null", null);
        fields.put("list", List.of("a", 1, false, List.of()));
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("nothing", null);
        nested.put("deeper", Map.of("k", List.of(Map.of("x", "y"))));
        fields.put("object", nested);
        fields.put("emptyObject", Map.of());
        DataBagItem plain = DataBagItem.of("all-types", fields);
        EncryptedDataBags edb = edb().withEncryptVersion(version);

        DataBagItem encrypted = edb.encrypt(plain);

        assertThat(EncryptedDataBags.isEncrypted(encrypted)).isTrue();
        assertThat(encrypted.content().keySet()).containsExactlyElementsOf(plain.content().keySet());
        assertThat(edb.decrypt(encrypted)).isEqualTo(plain);
    }

    @Test
    void encrypt_wrapsTheValueAsChefDoes_compactJsonUnderJsonWrapper() {
        // v1 has no integrity check, so the plaintext shows through decrypting with the AES key by hand.
        EncryptedDataBags v1 = edb().withEncryptVersion(EncryptedDataBagVersion.V1).withIvSource(ORACLE_IVS);
        Map<String, Object> fields = new HashMap<>();
        fields.put("n", null);

        Map<?, ?> nullValue = (Map<?, ?>) v1.encrypt(DataBagItem.of("x", fields)).content().get("n");
        Map<?, ?> listValue = (Map<?, ?>) v1.encrypt(DataBagItem.of("x", Map.of("l", List.of(1, "a"))))
                .content().get("l");

        assertThat(aesCbcPlaintext(nullValue)).isEqualTo("{\"json_wrapper\":null}");
        assertThat(aesCbcPlaintext(listValue)).isEqualTo("{\"json_wrapper\":[1,\"a\"]}");
    }

    @Test
    void encrypt_breaksBase64LinesAsRubyEncode64Does() {
        DataBagItem encrypted = edb().withEncryptVersion(EncryptedDataBagVersion.V2)
                .encrypt(DataBagItem.of("long", Map.of("v", "x".repeat(500))));

        Map<?, ?> value = (Map<?, ?>) encrypted.content().get("v");
        String data = (String) value.get("encrypted_data");
        assertThat(data).endsWith("\n");
        List<String> lines = Arrays.asList(data.split("\n"));
        assertThat(lines).hasSizeGreaterThan(5);
        assertThat(lines.subList(0, lines.size() - 1)).allSatisfy(l -> assertThat(l).hasSize(60));
        assertThat(lines.get(lines.size() - 1)).hasSizeBetween(1, 60);
        assertThat((String) value.get("hmac")).hasSize(45).endsWith("=\n");
        assertThat((String) value.get("iv")).hasSize(25).endsWith("==\n");
    }

    @Test
    void decrypt_leavesIdAndNullValuesAsTheyAre() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("password", map(current(), "v3"));
        fields.put("unset", null);

        DataBagItem plain = edb().decrypt(DataBagItem.of("db", fields));

        assertThat(plain.content()).containsEntry("id", "db").containsEntry("unset", null)
                .containsEntry("password", current().get("plaintext_value"));
    }

    @Test
    void decrypt_withASecretFileEndingInANewline_stripsItAsChefDoes(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("encrypted_data_bag_secret");
        Files.writeString(file, "  " + EdbVectors.SECRET_TEXT + "\n\n", StandardCharsets.UTF_8);
        EncryptedDataBags edb = EncryptedDataBags.withSecret(Secret.fromFile(file));

        for (EncryptedDataBagVersion v : List.of(EncryptedDataBagVersion.V1, EncryptedDataBagVersion.V2,
                EncryptedDataBagVersion.V3)) {
            assertThat(edb.decrypt(oracleItem(v)).content().get("password"))
                    .isEqualTo(current().get("plaintext_value"));
        }
    }

    @Test
    void isEncrypted_followsChefsCheckEncrypted() {
        Map<String, Object> v1 = map(current(), "v1");
        Map<String, Object> v2 = map(current(), "v2");
        Map<String, Object> v3 = map(current(), "v3");

        assertThat(EncryptedDataBags.isEncrypted(DataBagItem.of("a", Map.of("x", v1, "y", v2, "z", v3)))).isTrue();
        assertThat(EncryptedDataBags.isEncrypted(edb().encrypt(DataBagItem.of("a", Map.of("x", 1))))).isTrue();

        assertThat(EncryptedDataBags.isEncrypted(DataBagItem.of("a", Map.of()))).as("only an id").isFalse();
        assertThat(EncryptedDataBags.isEncrypted(DataBagItem.of("a", Map.of("x", v3, "plain", "text"))))
                .as("one plain value").isFalse();
        assertThat(EncryptedDataBags.isEncrypted(DataBagItem.of("a", Map.of("x", "093x6dI2RhUOEBr81nDrRA==\n"))))
                .as("legacy v0 string").isFalse();
        assertThat(EncryptedDataBags.isEncrypted(DataBagItem.of("a", Map.of("x", with(v1, "extra", 1)))))
                .as("extra field").isFalse();
        assertThat(EncryptedDataBags.isEncrypted(DataBagItem.of("a", Map.of("x", with(v2, "version", 1)))))
                .as("v2 fields, version 1").isFalse();
        assertThat(EncryptedDataBags.isEncrypted(DataBagItem.of("a", Map.of("x", with(v3, "version", 4)))))
                .as("unknown version").isFalse();
        assertThat(EncryptedDataBags.isEncrypted(DataBagItem.of("a", Map.of("x", with(v1, "version", "1")))))
                .as("version as a string").isFalse();
        Map<String, Object> noVersion = new LinkedHashMap<>(v1);
        noVersion.remove("version");
        assertThat(EncryptedDataBags.isEncrypted(DataBagItem.of("a", Map.of("x", noVersion)))).isFalse();
    }

    @Test
    void withEncryptVersion_refusesVersion0_whichChefNoLongerWrites() {
        assertThatThrownBy(() -> edb().withEncryptVersion(EncryptedDataBagVersion.V0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("encrypted data bag format version 0 can be read but not written: encrypt with "
                        + "version 1, 2 or 3");
    }

    @Test
    void version_of_readsChefsSettingNumbers_andRefusesOthers() {
        assertThat(EncryptedDataBagVersion.of(2)).isEqualTo(EncryptedDataBagVersion.V2);
        assertThatThrownBy(() -> EncryptedDataBagVersion.of(4))
                .isInstanceOf(EncryptedDataBagException.class)
                .hasMessage("encrypted data bag format version 4 does not exist: use 1, 2 or 3 to encrypt, 0 to 3 "
                        + "as a minimum for decryption");
    }

    @Test
    void toString_namesTheSecretsOrigin_neverTheSecret() {
        EncryptedDataBags edb = edb().withEncryptVersion(EncryptedDataBagVersion.V2)
                .withMinimumDecryptVersion(EncryptedDataBagVersion.V1);

        assertThat(edb).hasToString("EncryptedDataBags[secret from test vectors, encrypt v2, decrypt v1+]");
    }

    static Map<String, Object> with(Map<String, Object> value, String field, Object replacement) {
        Map<String, Object> m = new LinkedHashMap<>(value);
        m.put(field, replacement);
        return m;
    }

    private static String aesCbcPlaintext(Map<?, ?> value) {
        try {
            byte[] key = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(EdbVectors.SECRET_TEXT.getBytes(StandardCharsets.UTF_8));
            javax.crypto.Cipher c = javax.crypto.Cipher.getInstance("AES/CBC/PKCS5Padding");
            c.init(javax.crypto.Cipher.DECRYPT_MODE, new javax.crypto.spec.SecretKeySpec(key, "AES"),
                    new javax.crypto.spec.IvParameterSpec(ChefBase64.decode64((String) value.get("iv"))));
            return new String(c.doFinal(ChefBase64.decode64((String) value.get("encrypted_data"))),
                    StandardCharsets.UTF_8);
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }
}
