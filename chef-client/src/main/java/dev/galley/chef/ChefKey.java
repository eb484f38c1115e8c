package dev.galley.chef;

import dev.galley.chef.internal.crypto.JdkRsa;
import dev.galley.chef.internal.crypto.OpenSslRsa;
import dev.galley.chef.internal.crypto.PemKeys;
import dev.galley.chef.internal.crypto.RsaPrivateKeyOps;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Objects;

/**
 * An RSA private key that signs Chef requests: a user's or client's key, loaded from PEM (PKCS#1 or PKCS#8).
 *
 * <p>Its {@code toString()} names where the key came from and its size, never the key. Signing goes through
 * OpenSSL when available and the JDK otherwise ({@link #signingEngine()}).</p>
 */
public final class ChefKey {
    private final RSAPrivateCrtKey key;
    private final String source;
    private volatile RsaPrivateKeyOps ops;

    private ChefKey(RSAPrivateCrtKey key, String source) {
        this.key = key;
        this.source = source;
    }

    /**
     * Loads a key file.
     *
     * @throws ChefKeyException naming the file and what is wrong with it
     */
    public static ChefKey fromFile(Path file) {
        Objects.requireNonNull(file, "file");
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ChefKeyException("key file " + file + " does not exist: check client_key in your knife "
                    + "configuration or pass --key");
        } catch (AccessDeniedException e) {
            throw new ChefKeyException("key file " + file + " is not readable by this user: fix its permissions");
        } catch (IOException e) {
            throw new ChefKeyException("cannot read key file " + file + ": " + e.getMessage());
        }
        return fromPem(text, "file " + file);
    }

    /**
     * Parses a PEM key; {@code source} says where it came from ("inline key of profile 'prod'") for messages.
     *
     * @throws ChefKeyException naming the source and what is wrong with it
     */
    public static ChefKey fromPem(String pem, String source) {
        Objects.requireNonNull(pem, "pem");
        Objects.requireNonNull(source, "source");
        try {
            return new ChefKey(PemKeys.privateKey(pem), source);
        } catch (PemKeys.KeyFormatException e) {
            throw new ChefKeyException("the key in " + source + " " + e.getMessage());
        }
    }

    /** A fresh RSA key of the given size (2048 is what Chef servers issue). */
    public static ChefKey generate(int bits) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(bits);
            return new ChefKey((RSAPrivateCrtKey) g.generateKeyPair().getPrivate(), "a key generated in this process");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no RSA key generator", e);
        }
    }

    /** Where the key came from, safe to show ("file /home/me/.chef/me.pem"). */
    public String source() {
        return source;
    }

    /** The modulus size in bits. */
    public int bits() {
        return key.getModulus().bitLength();
    }

    public RSAPublicKey publicKey() {
        return PemKeys.publicKeyOf(key);
    }

    /** The public key as X.509 PEM ({@code BEGIN PUBLIC KEY}), as Chef servers store it. */
    public String publicKeyPem() {
        return PemKeys.publicKeyPem(publicKey());
    }

    /** The private key as PKCS#1 PEM, for writing a key file the user asked for; never log it. */
    public String privateKeyPem() {
        return PemKeys.privateKeyPkcs1Pem(key);
    }

    /** Which RSA implementation signs with this key, for diagnostics. */
    public String signingEngine() {
        return ops().engine();
    }

    RsaPrivateKeyOps ops() {
        RsaPrivateKeyOps o = ops;
        if (o == null) {
            synchronized (this) {
                o = ops;
                if (o == null) {
                    o = OpenSslRsa.unavailableReason() == null ? OpenSslRsa.of(key) : new JdkRsa(key);
                    ops = o;
                }
            }
        }
        return o;
    }

    @Override
    public String toString() {
        return "ChefKey[RSA-" + bits() + " from " + source + "]";
    }
}
