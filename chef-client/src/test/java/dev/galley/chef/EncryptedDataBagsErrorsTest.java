package dev.galley.chef;

import static dev.galley.chef.EdbVectors.current;
import static dev.galley.chef.EdbVectors.edb;
import static dev.galley.chef.EdbVectors.legacy;
import static dev.galley.chef.EdbVectors.map;
import static dev.galley.chef.EdbVectors.oracleItem;
import static dev.galley.chef.EdbVectors.oracleItemWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.galley.chef.EncryptedDataBagException.Reason;
import dev.galley.core.Secret;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EncryptedDataBagsErrorsTest {
    static final String WRONG_SECRET_TEXT = "Wr0ng-but-pl4usible-secret";
    static final EncryptedDataBags WRONG = EncryptedDataBags.withSecret(
            Secret.of(WRONG_SECRET_TEXT, "file /etc/chef/encrypted_data_bag_secret"));

    static final String CHECK_THE_SECRET = "check that the secret from file /etc/chef/encrypted_data_bag_secret is the "
            + "one the item was encrypted with";

    @Test
    void decrypt_v1WithTheWrongSecret_asksWhetherTheSecretIsWrong() {
        assertThatThrownBy(() -> WRONG.decrypt(oracleItem(EncryptedDataBagVersion.V1)))
                .isInstanceOf(EncryptedDataBagException.class)
                .hasFieldOrPropertyWithValue("reason", Reason.WRONG_SECRET)
                .hasMessage("cannot decrypt value 'password' of item 'db': wrong secret? " + CHECK_THE_SECRET);
    }

    @Test
    void decrypt_v2WithTheWrongSecret_failsTheHmacCheck() {
        assertThatThrownBy(() -> WRONG.decrypt(oracleItem(EncryptedDataBagVersion.V2)))
                .isInstanceOf(EncryptedDataBagException.class)
                .hasFieldOrPropertyWithValue("reason", Reason.TAMPERED)
                .hasMessage("cannot decrypt value 'password' of item 'db': its HMAC does not match, so the item was "
                        + "modified after it was encrypted or the secret is wrong; " + CHECK_THE_SECRET);
    }

    @Test
    void decrypt_v3WithTheWrongSecret_failsTheGcmTag() {
        assertThatThrownBy(() -> WRONG.decrypt(oracleItem(EncryptedDataBagVersion.V3)))
                .isInstanceOf(EncryptedDataBagException.class)
                .hasFieldOrPropertyWithValue("reason", Reason.TAMPERED)
                .hasMessage("cannot decrypt value 'password' of item 'db': its GCM authentication tag does not "
                        + "match, so the item was modified after it was encrypted or the secret is wrong; "
                        + CHECK_THE_SECRET);
    }

    @Test
    void decrypt_withAShortSecretHoldingASlash_hintsThatAPathWasGivenAsTheSecret() {
        EncryptedDataBags pathAsSecret = EncryptedDataBags.withSecret(Secret.of("/etc/chef/secret", "--secret"));

        assertThatThrownBy(() -> pathAsSecret.decrypt(oracleItem(EncryptedDataBagVersion.V1)))
                .hasMessage("cannot decrypt value 'password' of item 'db': wrong secret? check that the secret from "
                        + "--secret is the one the item was encrypted with; if the secret is a file's path, give it "
                        + "as a secret file (--secret-file) instead");
    }

    @Test
    void decrypt_v2WithModifiedCiphertext_saysTheItemWasModified() {
        String data = (String) map(current(), "v2").get("encrypted_data");
        DataBagItem modified = oracleItemWith(EncryptedDataBagVersion.V2, "encrypted_data", flipFirstChar(data));

        EncryptedDataBagException e = catchThrowableOfType(EncryptedDataBagException.class,
                () -> edb().decrypt(modified));

        assertThat(e.reason()).isEqualTo(Reason.TAMPERED);
        assertThat(e).hasMessageContaining("its HMAC does not match, so the item was modified");
        assertThat(e.itemId()).contains("db");
        assertThat(e.key()).contains("password");
    }

    @Test
    void decrypt_v2WithModifiedHmac_saysTheItemWasModified() {
        String hmac = (String) map(current(), "v2").get("hmac");

        assertThatThrownBy(() -> edb().decrypt(oracleItemWith(EncryptedDataBagVersion.V2, "hmac", flipFirstChar(hmac))))
                .hasFieldOrPropertyWithValue("reason", Reason.TAMPERED)
                .hasMessageContaining("its HMAC does not match");
    }

    @Test
    void decrypt_v2_checksTheHmacOverTheBase64TextAsStored_lineBreaksIncluded() {
        String data = (String) map(current(), "v2").get("encrypted_data");
        DataBagItem rewrapped = oracleItemWith(EncryptedDataBagVersion.V2, "encrypted_data", data.replace("\n", ""));

        // Same bytes once decoded, but not the text Chef authenticated: Chef refuses it too.
        assertThatThrownBy(() -> edb().decrypt(rewrapped)).hasFieldOrPropertyWithValue("reason", Reason.TAMPERED);
    }

    @Test
    void decrypt_v3WithModifiedCiphertextOrTag_saysTheItemWasModified() {
        String data = (String) map(current(), "v3").get("encrypted_data");
        String tag = (String) map(current(), "v3").get("auth_tag");

        assertThatThrownBy(() -> edb().decrypt(oracleItemWith(EncryptedDataBagVersion.V3, "encrypted_data",
                flipFirstChar(data))))
                .hasFieldOrPropertyWithValue("reason", Reason.TAMPERED)
                .hasMessageContaining("its GCM authentication tag does not match, so the item was modified");
        assertThatThrownBy(() -> edb().decrypt(oracleItemWith(EncryptedDataBagVersion.V3, "auth_tag",
                flipFirstChar(tag))))
                .hasFieldOrPropertyWithValue("reason", Reason.TAMPERED);
    }

    @Test
    void decrypt_v3WithAShortenedTag_isRefused_notCheckedAsFarAsItGoes() {
        // 8 bytes of the real tag: OpenSSL under Ruby would accept them; Galley wants all 16.
        String tag = (String) map(current(), "v3").get("auth_tag");
        String shortTag = java.util.Base64.getEncoder().encodeToString(
                java.util.Arrays.copyOf(java.util.Base64.getMimeDecoder().decode(tag), 8)) + "\n";

        assertThatThrownBy(() -> edb().decrypt(oracleItemWith(EncryptedDataBagVersion.V3, "auth_tag", shortTag)))
                .hasFieldOrPropertyWithValue("reason", Reason.TAMPERED)
                .hasMessage("cannot decrypt value 'password' of item 'db': its \"auth_tag\" is 8 bytes long instead "
                        + "of 16, so the item was modified or damaged; restore it or encrypt it again");
    }

    @Test
    void decrypt_belowTheMinimumVersion_isRefusedNamingTheSetting() {
        EncryptedDataBags strict = edb().withMinimumDecryptVersion(EncryptedDataBagVersion.V2);

        assertThatThrownBy(() -> strict.decrypt(oracleItem(EncryptedDataBagVersion.V1)))
                .isInstanceOf(EncryptedDataBagException.class)
                .hasFieldOrPropertyWithValue("reason", Reason.BELOW_MINIMUM_VERSION)
                .hasMessage("cannot decrypt value 'password' of item 'db': it uses encrypted data bag format version "
                        + "1, below the required minimum 2 (data_bag_decrypt_minimum_version); re-encrypt the item "
                        + "with version 2 or later, or lower the minimum");
        DataBagItem v0 = DataBagItem.of("legacy", Map.of("port", map(legacy(), "psych", "item").get("port")));
        assertThatThrownBy(() -> strict.decrypt(v0))
                .hasFieldOrPropertyWithValue("reason", Reason.BELOW_MINIMUM_VERSION)
                .hasMessageContaining("format version 0 (a bare string), below the required minimum 2");
        assertThat(strict.decrypt(oracleItem(EncryptedDataBagVersion.V2)).content().get("password"))
                .isEqualTo(current().get("plaintext_value"));
        assertThat(strict.decrypt(oracleItem(EncryptedDataBagVersion.V3)).content().get("password"))
                .isEqualTo(current().get("plaintext_value"));
    }

    @Test
    void decrypt_unknownVersion_saysItIsNotSupported() {
        assertThatThrownBy(() -> edb().decrypt(oracleItemWith(EncryptedDataBagVersion.V3, "version", 4)))
                .isInstanceOf(EncryptedDataBagException.class)
                .hasFieldOrPropertyWithValue("reason", Reason.UNSUPPORTED_VERSION)
                .hasMessage("cannot decrypt value 'password' of item 'db': encrypted data bag format version 4 is not "
                        + "one Chef writes (Galley reads 0 to 3, version 0 as a bare string); re-encrypt the item "
                        + "with version 3");
        assertThatThrownBy(() -> edb().decrypt(oracleItemWith(EncryptedDataBagVersion.V3, "version", "3")))
                .hasFieldOrPropertyWithValue("reason", Reason.UNSUPPORTED_VERSION)
                .hasMessage("cannot decrypt value 'password' of item 'db': its \"version\" is a string, not an "
                        + "integer; the item is damaged or not a Chef encrypted data bag item");
    }

    @Test
    void decrypt_cipherThatDoesNotMatchTheVersion_isRefused() {
        assertThatThrownBy(() -> edb().decrypt(oracleItemWith(EncryptedDataBagVersion.V1, "cipher", "aes-256-gcm")))
                .isInstanceOf(EncryptedDataBagException.class)
                .hasFieldOrPropertyWithValue("reason", Reason.CIPHER_MISMATCH)
                .hasMessage("cannot decrypt value 'password' of item 'db': format version 1 needs cipher "
                        + "'aes-256-cbc' but the value names 'aes-256-gcm'; Chef writes only aes-256-cbc (versions 1 "
                        + "and 2) and aes-256-gcm (version 3): the item is damaged or was not written by Chef");
        assertThatThrownBy(() -> edb().decrypt(oracleItemWith(EncryptedDataBagVersion.V3, "cipher", "aes-256-cbc")))
                .hasFieldOrPropertyWithValue("reason", Reason.CIPHER_MISMATCH);
        assertThatThrownBy(() -> edb().decrypt(oracleItemWith(EncryptedDataBagVersion.V2, "cipher", null)))
                .hasFieldOrPropertyWithValue("reason", Reason.CIPHER_MISMATCH)
                .hasMessageContaining("but the value names no cipher;");
        assertThatThrownBy(() -> edb().decrypt(oracleItemWith(EncryptedDataBagVersion.V2, "cipher", "my password")))
                .hasMessageContaining("but the value names a string;");
    }

    @Test
    void decrypt_missingOrDamagedFields_sayWhichFieldAndWhatTheVersionHas() {
        Map<String, Object> noIv = new LinkedHashMap<>(map(current(), "v3"));
        noIv.remove("iv");

        assertThatThrownBy(() -> edb().decrypt(DataBagItem.of("db", Map.of("password", noIv))))
                .hasFieldOrPropertyWithValue("reason", Reason.MALFORMED)
                .hasMessage("cannot decrypt value 'password' of item 'db': its \"iv\" is missing (format version 3 has "
                        + "encrypted_data, iv, auth_tag, version, cipher); the item is damaged: restore it or "
                        + "encrypt it again");
        assertThatThrownBy(() -> edb().decrypt(oracleItemWith(EncryptedDataBagVersion.V1, "iv", "AAECAwQFBgcI\n")))
                .hasFieldOrPropertyWithValue("reason", Reason.MALFORMED)
                .hasMessageContaining("its \"iv\" is 9 bytes long instead of 16 (aes-256-cbc)");
        assertThatThrownBy(() -> edb().decrypt(oracleItemWith(EncryptedDataBagVersion.V1, "iv", "A===")))
                .hasFieldOrPropertyWithValue("reason", Reason.MALFORMED)
                .hasMessageContaining("its \"iv\" is not valid Base64");
        assertThatThrownBy(() -> edb().decrypt(oracleItemWith(EncryptedDataBagVersion.V1, "encrypted_data", "")))
                .hasFieldOrPropertyWithValue("reason", Reason.MALFORMED)
                .hasMessageContaining("its \"encrypted_data\" is not a whole number of AES blocks");
        assertThatThrownBy(() -> edb().decrypt(oracleItemWith(EncryptedDataBagVersion.V2, "encrypted_data", 42)))
                .hasFieldOrPropertyWithValue("reason", Reason.MALFORMED)
                .hasMessageContaining("its \"encrypted_data\" is a number instead of a string");
    }

    @Test
    void decrypt_plainValues_sayTheItemIsNotEncrypted() {
        assertThatThrownBy(() -> edb().decrypt(DataBagItem.of("app", Map.of("port", 8080))))
                .hasFieldOrPropertyWithValue("reason", Reason.MALFORMED)
                .hasMessage("cannot decrypt value 'port' of item 'app': it is a number, not an encrypted value (a JSON "
                        + "object, or a Base64 string in format version 0); check that the item is encrypted");
        assertThatThrownBy(() -> edb().decrypt(DataBagItem.of("app", Map.of("db", Map.of("host", "h")))))
                .hasFieldOrPropertyWithValue("reason", Reason.MALFORMED)
                .hasMessageStartingWith("cannot decrypt value 'db' of item 'app': it is a JSON object without a "
                        + "\"version\"");
    }

    @Test
    void withSecret_emptySecret_isRefusedAsChefRefusesIt() {
        assertThatThrownBy(() -> EncryptedDataBags.withSecret(Secret.of("", "environment variable EDB_SECRET")))
                .isInstanceOf(EncryptedDataBagException.class)
                .hasFieldOrPropertyWithValue("reason", Reason.EMPTY_SECRET)
                .hasMessage("the data bag secret from environment variable EDB_SECRET is empty: give the secret the "
                        + "items are encrypted with");
    }

    @Test
    void keyWithALineBreak_staysOnOneLineInTheMessage() {
        assertThatThrownBy(() -> edb().decrypt(DataBagItem.of("app", Map.of("a\nb", 1))))
                .hasMessageStartingWith("cannot decrypt value 'a?b' of item 'app':");
    }

    static Stream<Arguments> everyFailure() {
        List<Arguments> cases = new ArrayList<>();
        for (EncryptedDataBagVersion v : List.of(EncryptedDataBagVersion.V1, EncryptedDataBagVersion.V2,
                EncryptedDataBagVersion.V3)) {
            cases.add(Arguments.of("wrong secret " + v, (Supplier<Object>) () -> WRONG.decrypt(oracleItem(v))));
            String data = (String) map(current(), "v" + v.number()).get("encrypted_data");
            cases.add(Arguments.of("modified " + v, (Supplier<Object>) () -> WRONG.decrypt(
                    oracleItemWith(v, "encrypted_data", flipFirstChar(data)))));
            cases.add(Arguments.of("below minimum " + v, (Supplier<Object>) () -> WRONG
                    .withMinimumDecryptVersion(EncryptedDataBagVersion.V3)
                    .decrypt(oracleItem(v == EncryptedDataBagVersion.V3 ? EncryptedDataBagVersion.V1 : v))));
        }
        cases.add(Arguments.of("wrong secret V0", (Supplier<Object>) () ->
                WRONG.decrypt(new DataBagItem(map(legacy(), "psych", "item")))));
        cases.add(Arguments.of("plain text item", (Supplier<Object>) () ->
                WRONG.decrypt(DataBagItem.of("db", Map.of("password", "p@ss/wörd")))));
        cases.add(Arguments.of("plain object item", (Supplier<Object>) () ->
                WRONG.decrypt(DataBagItem.of("db", Map.of("password", Map.of("user", "p@ss/wörd"))))));
        cases.add(Arguments.of("cipher holding the plaintext", (Supplier<Object>) () ->
                WRONG.decrypt(oracleItemWith(EncryptedDataBagVersion.V1, "cipher", "p@ss/wörd"))));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyFailure")
    void everyFailure_saysOneLine_withoutTheSecretOrThePlaintext(String name, Supplier<Object> failing) {
        EncryptedDataBagException e = catchThrowableOfType(EncryptedDataBagException.class, failing::get);

        assertThat(e).as(name).isNotNull();
        assertThat(e.fault()).isEqualTo(dev.galley.core.Fault.BAD_INPUT);
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertThat(String.valueOf(t.getMessage())).as(name)
                    .doesNotContain("\n", "\r")
                    .doesNotContain(WRONG_SECRET_TEXT, EdbVectors.SECRET_TEXT)
                    .doesNotContain("p@ss", "wörd", "\"user\"", "json_wrapper\":");
        }
    }

    private static String flipFirstChar(String base64) {
        return (base64.charAt(0) == 'A' ? "B" : "A") + base64.substring(1);
    }
}
