package dev.galley.lab;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Hands a test class a running {@link SshdServer} (as a test or constructor parameter), one per class, started
 * before the first test and stopped by PID after the last. Tests that need more servers (a host whose key changes,
 * many hosts) start their own with {@link SshdServer#start(SshdServer.Options)} in try-with-resources.
 *
 * <pre>{@code
 * @ExtendWith(SshdExtension.class)
 * class ExecIT {
 *     @Test void runs(SshdServer sshd) { ... }
 * }
 * }</pre>
 */
public class SshdExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(SshdExtension.class);
    private final SshdServer.Options options;

    public SshdExtension() {
        this(SshdServer.Options.defaults());
    }

    public SshdExtension(SshdServer.Options options) {
        this.options = options;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getStore(NS).put(SshdServer.class, SshdServer.start(options));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        SshdServer server = context.getStore(NS).remove(SshdServer.class, SshdServer.class);
        if (server != null) {
            server.close();
        }
    }

    /** The server of the running test class. */
    public static SshdServer server(ExtensionContext context) {
        for (ExtensionContext c = context; c != null; c = c.getParent().orElse(null)) {
            SshdServer s = c.getStore(NS).get(SshdServer.class, SshdServer.class);
            if (s != null) {
                return s;
            }
        }
        throw new IllegalStateException("no sshd: register SshdExtension on the test class");
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == SshdServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return server(context);
    }
}
