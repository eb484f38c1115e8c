package dev.galley.chef.internal.databag;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Encrypts one value at a time as Chef's {@code Encryptor::VersionNEncryptor#for_encrypted_item} does, field for
 * field and in Chef's order, Base64 with Ruby's line breaks.
 */
public final class ValueEncryptor {
    private final DataBagKeys keys;
    private final IvSource ivs;

    public ValueEncryptor(DataBagKeys keys, IvSource ivs) {
        this.keys = keys;
        this.ivs = ivs;
    }

    public Map<String, Object> encrypt(Object value, ValueFormat format) {
        byte[] iv = ivs.next(format.ivBytes());
        if (iv.length != format.ivBytes()) {
            throw new IllegalStateException("IV source gave " + iv.length + " bytes for " + format.cipher()
                    + ", which needs " + format.ivBytes());
        }
        byte[] plaintext = JsonWrapper.wrap(value);
        try {
            Map<String, Object> out = new LinkedHashMap<>();
            if (format == ValueFormat.V3) {
                byte[] sealed = Aes.gcmEncrypt(keys.aesKey(), iv, plaintext);
                int tagAt = sealed.length - ValueFormat.GCM_TAG_BYTES;
                out.put("encrypted_data", ChefBase64.encode64(Arrays.copyOfRange(sealed, 0, tagAt)));
                out.put("iv", ChefBase64.encode64(iv));
                out.put("auth_tag", ChefBase64.encode64(Arrays.copyOfRange(sealed, tagAt, sealed.length)));
            } else {
                String data = ChefBase64.encode64(Aes.cbcEncrypt(keys.aesKey(), iv, plaintext));
                out.put("encrypted_data", data);
                if (format == ValueFormat.V2) {
                    out.put("hmac", ChefBase64.encode64(keys.hmac(data.getBytes(StandardCharsets.UTF_8))));
                }
                out.put("iv", ChefBase64.encode64(iv));
            }
            out.put("version", format.version().number());
            out.put("cipher", format.cipher());
            return out;
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }
}
