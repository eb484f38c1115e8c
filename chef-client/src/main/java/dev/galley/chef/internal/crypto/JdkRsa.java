package dev.galley.chef.internal.crypto;

import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import javax.crypto.Cipher;

/**
 * RSA through the JDK's own providers: always available, about three times slower than OpenSSL here.
 */
public final class JdkRsa implements RsaPrivateKeyOps {
    private final RSAPrivateCrtKey key;

    public JdkRsa(RSAPrivateCrtKey key) {
        this.key = key;
    }

    @Override
    public byte[] privateEncrypt(byte[] input) {
        try {
            // With a private key, SunJCE pads with PKCS#1 block type 1: the same bytes as OpenSSL's RSA_private_encrypt.
            Cipher cipher = Cipher.getInstance("RSA/ECB/PKCS1Padding");
            cipher.init(Cipher.ENCRYPT_MODE, key);
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK could not RSA-sign: " + e.getMessage(), e);
        }
    }

    @Override
    public byte[] signSha256(byte[] message) {
        try {
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initSign(key);
            s.update(message);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK could not RSA-sign: " + e.getMessage(), e);
        }
    }

    @Override
    public String engine() {
        return "JDK " + System.getProperty("java.version");
    }
}
