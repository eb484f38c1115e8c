package dev.galley.chef.internal.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.lang.ref.Cleaner;
import java.lang.reflect.Method;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * RSA through the system's OpenSSL 3 (libcrypto.so.3), reached through a small JNI bridge
 * ({@code src/main/c/galley_openssl.c}) that the build compiles when gcc is present.
 *
 * <p>Used when the bridge is in the jar, libcrypto.so.3 opens, and the JVM allows native access (on JDK 24 and
 * later: {@code --enable-native-access=ALL-UNNAMED}, which the {@code galley} launcher passes); otherwise
 * {@link #unavailableReason()} says why and signing falls back to {@link JdkRsa}. Setting the system property
 * {@code galley.crypto=jdk} forces the fallback.</p>
 */
public final class OpenSslRsa implements RsaPrivateKeyOps {
    private static final Logger log = LoggerFactory.getLogger(OpenSslRsa.class);
    private static final Cleaner CLEANER = Cleaner.create();
    private static final String LIBRARY = "libgalley-openssl.so";
    private static final String UNAVAILABLE = load();
    private static final String VERSION = UNAVAILABLE == null ? version() : null;

    private final long handle;

    private OpenSslRsa(long handle) {
        this.handle = handle;
    }

    /** Null when OpenSSL signing is available, otherwise why not (for {@code galley config show} and logs). */
    public static String unavailableReason() {
        return UNAVAILABLE;
    }

    /** Imports the key into OpenSSL; the caller must have checked {@link #unavailableReason()}. */
    public static OpenSslRsa of(RSAPrivateCrtKey key) {
        byte[] der = key.getEncoded();
        try {
            long handle = loadKey(der);
            OpenSslRsa rsa = new OpenSslRsa(handle);
            CLEANER.register(rsa, () -> freeKey(handle));
            return rsa;
        } finally {
            Arrays.fill(der, (byte) 0);
        }
    }

    @Override
    public byte[] privateEncrypt(byte[] input) {
        return sign(handle, input, false);
    }

    @Override
    public byte[] signSha256(byte[] message) {
        try {
            return sign(handle, MessageDigest.getInstance("SHA-256").digest(message), true);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    @Override
    public String engine() {
        return VERSION;
    }

    private static String load() {
        if ("jdk".equalsIgnoreCase(System.getProperty("galley.crypto", ""))) {
            return "disabled by -Dgalley.crypto=jdk";
        }
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            return "the OpenSSL bridge is built for Linux only";
        }
        if (!nativeAccessEnabled()) {
            return "native access is not enabled for this JVM (run java with --enable-native-access=ALL-UNNAMED)";
        }
        String resource = "/META-INF/native/linux-" + System.getProperty("os.arch") + "/" + LIBRARY;
        URL url = OpenSslRsa.class.getResource(resource);
        if (url == null) {
            return "this build has no OpenSSL bridge for linux-" + System.getProperty("os.arch")
                    + " (gcc was missing when it was built)";
        }
        try {
            Path file = "file".equals(url.getProtocol()) ? Path.of(url.toURI()) : extract(url);
            System.load(file.toString());
            String reason = init();
            if (reason == null) {
                log.debug("RSA signing through {}", version());
            }
            return reason;
        } catch (Exception | LinkageError e) {
            return "the OpenSSL bridge did not load: " + e.getMessage();
        }
    }

    private static boolean nativeAccessEnabled() {
        try {
            // JDK 22+: Module.isNativeAccessEnabled(). Earlier JDKs allow JNI without asking.
            Method m = Module.class.getMethod("isNativeAccessEnabled");
            return (boolean) m.invoke(OpenSslRsa.class.getModule());
        } catch (NoSuchMethodException e) {
            return true;
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }

    /** Copies the library out of the jar once per content, under the user's cache, atomically. */
    private static Path extract(URL url) throws IOException, NoSuchAlgorithmException {
        byte[] bytes;
        try (InputStream in = url.openStream()) {
            bytes = in.readAllBytes();
        }
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 16);
        Path dir = cacheRoot().resolve("native").resolve(hash);
        Path target = dir.resolve(LIBRARY);
        if (Files.isRegularFile(target) && Files.size(target) == bytes.length) {
            return target;
        }
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "lib", ".tmp");
        Files.write(tmp, bytes);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return target;
    }

    private static Path cacheRoot() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("galley");
    }

    private static native String init();

    private static native String version();

    private static native long loadKey(byte[] der);

    private static native void freeKey(long handle);

    private static native byte[] sign(long handle, byte[] input, boolean sha256Digest);
}
