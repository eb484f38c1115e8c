package dev.galley.chef;

import java.nio.file.Path;

/**
 * Where a private key comes from: a file (knife's {@code client_key}) or PEM text inline in a credentials profile.
 * Loading is deferred until a request is signed, so {@code galley config show} works with a broken key.
 */
public sealed interface KeySource {

    /** Reads and parses the key. @throws ChefKeyException saying what is wrong and where */
    ChefKey load();

    /** Where the key is, safe to show; never the key itself. */
    String describe();

    /** A key file. */
    record File(Path path) implements KeySource {
        @Override
        public ChefKey load() {
            return ChefKey.fromFile(path);
        }

        @Override
        public String describe() {
            return path.toString();
        }
    }

    /** A key given inline, e.g. {@code client_key = """-----BEGIN RSA PRIVATE KEY-----..."""} in credentials. */
    record Inline(String pem, String origin) implements KeySource {
        @Override
        public ChefKey load() {
            return ChefKey.fromPem(pem, origin);
        }

        @Override
        public String describe() {
            return "inline key in " + origin;
        }

        @Override
        public String toString() {
            return "Inline[" + origin + "]";
        }
    }

    /** A key already in memory. */
    record Loaded(ChefKey key) implements KeySource {
        @Override
        public ChefKey load() {
            return key;
        }

        @Override
        public String describe() {
            return key.source();
        }
    }
}
