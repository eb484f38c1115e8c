package dev.galley.chef;

import static dev.galley.chef.EdbVectors.edb;
import static dev.galley.chef.EdbVectors.legacy;
import static dev.galley.chef.EdbVectors.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.galley.core.Secret;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Format version 0 (Chef 10): bare Base64 strings of YAML, vectors made by edb_v0_vectors.rb. */
class EncryptedDataBagsLegacyTest {

    @Test
    void decrypt_psychYamlValues_givesTheRubyValues() {
        DataBagItem plain = edb().decrypt(new DataBagItem(map(legacy(), "psych", "item")));

        Map<String, Object> expected = map(legacy(), "psych", "plaintext");
        assertThat(plain.id()).isEqualTo("legacy");
        assertThat(plain.content()).hasSize(expected.size() + 1);
        // The vectors file is JSON: its 0.25 reads as a BigDecimal as the decrypted YAML float does.
        expected.forEach((k, v) -> assertThat(plain.content().get(k)).as(k).isEqualTo(v));
        assertThat(plain.content().get("ratio")).isEqualTo(new BigDecimal("0.25"));
        assertThat(plain.content().get("numeric_string")).isEqualTo("5432");
        assertThat(plain.content().get("yes_string")).isEqualTo("yes");
        assertThat(plain.content().get("binary_text")).isEqualTo("p@ss/wörd");
    }

    @Test
    void decrypt_syckStyleYaml_givesTheValuesRubyReadsFromIt() {
        DataBagItem plain = edb().decrypt(new DataBagItem(map(legacy(), "syck", "item")));

        map(legacy(), "syck", "expected").forEach((k, v) -> assertThat(plain.content().get(k)).as(k).isEqualTo(v));
    }

    @Test
    void decrypt_legacyValueWithTheWrongSecret_saysWrongSecret() {
        DataBagItem item = DataBagItem.of("legacy", Map.of("password", map(legacy(), "psych", "item").get("password")));

        assertThatThrownBy(() -> EncryptedDataBags.withSecret(Secret.of("not-the-secret", "prompt")).decrypt(item))
                .isInstanceOf(EncryptedDataBagException.class)
                .hasFieldOrPropertyWithValue("reason", EncryptedDataBagException.Reason.WRONG_SECRET)
                .hasMessage("cannot decrypt value 'password' of item 'legacy': wrong secret? check that the secret "
                        + "from prompt is the one the item was encrypted with");
    }

    @Test
    void decrypt_plainStringItem_isReadAsVersion0_andSaidNotToBeEncrypted() {
        DataBagItem plainItem = DataBagItem.of("app", Map.of("user", "deploy user"));

        assertThatThrownBy(() -> edb().decrypt(plainItem))
                .isInstanceOf(EncryptedDataBagException.class)
                .hasFieldOrPropertyWithValue("reason", EncryptedDataBagException.Reason.MALFORMED)
                .hasMessage("cannot decrypt value 'user' of item 'app': the string is not AES-256-CBC ciphertext "
                        + "(format version 0), so the item is not encrypted or is damaged; check that the item is "
                        + "encrypted");
    }
}
