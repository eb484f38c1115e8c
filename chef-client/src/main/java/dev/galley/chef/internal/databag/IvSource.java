package dev.galley.chef.internal.databag;

import java.security.SecureRandom;

/** Where encryption takes its initialization vectors: random in use, pinned in tests that compare with Chef. */
@FunctionalInterface
public interface IvSource {

    /** A fresh IV of {@code length} bytes. */
    byte[] next(int length);

    static IvSource secureRandom() {
        SecureRandom random = new SecureRandom();
        return length -> {
            byte[] iv = new byte[length];
            random.nextBytes(iv);
            return iv;
        };
    }
}
