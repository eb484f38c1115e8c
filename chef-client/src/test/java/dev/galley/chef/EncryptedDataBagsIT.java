package dev.galley.chef;

import static org.assertj.core.api.Assertions.assertThat;

import dev.galley.chef.testing.ChefLabExtension;
import dev.galley.core.Secret;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@ExtendWith(ChefLabExtension.class)
class EncryptedDataBagsIT {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(value = EncryptedDataBagVersion.class, names = {"V1", "V2", "V3"})
    void encryptedItem_storedInGoiardi_comesBackUnchanged_andDecryptsToTheOriginal(EncryptedDataBagVersion version,
            ChefClient chef) throws IOException {
        Path secretFile = dir.resolve("encrypted_data_bag_secret");
        Files.writeString(secretFile, "lab-secret-" + version + "\n");
        EncryptedDataBags edb = EncryptedDataBags.withSecret(Secret.fromFile(secretFile)).withEncryptVersion(version);
        String bag = "secrets-v" + version.number();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("password", "p@ss/wörd");
        fields.put("port", 5432);
        fields.put("ratio", new BigDecimal("0.25"));
        fields.put("enabled", true);
        fields.put("hosts", List.of("db1", "db2"));
        // Long enough for several lines of Base64.
        fields.put("tls", Map.of("cert", "-----BEGIN CERTIFICATE-----\n" + "A".repeat(300) + "\n-----END-----\n"));
        DataBagItem plain = DataBagItem.of("db", fields);
        DataBagItem encrypted = edb.encrypt(plain);
        chef.dataBags().create(bag);

        chef.dataBags().createItem(bag, encrypted);
        DataBagItem stored = chef.dataBags().item(bag, "db");

        // Goiardi keeps the Base64 text, line breaks included: what v2's HMAC is computed over.
        assertThat(stored).isEqualTo(encrypted);
        assertThat((String) ((Map<?, ?>) stored.content().get("tls")).get("encrypted_data")).contains("\n");
        assertThat(EncryptedDataBags.isEncrypted(stored)).isTrue();
        assertThat(edb.decrypt(stored)).isEqualTo(plain);
    }
}
