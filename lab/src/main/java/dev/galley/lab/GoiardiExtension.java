package dev.galley.lab;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Hands a test class a running goiardi Chef server ({@link GoiardiServer} as a test or constructor parameter),
 * one per class, started before the first test and stopped by PID after the last.
 *
 * <pre>{@code
 * @ExtendWith(GoiardiExtension.class)
 * class NodesIT {
 *     @Test void lists(GoiardiServer chef) { ... }
 * }
 * // or, for HTTPS:  @RegisterExtension static GoiardiExtension chef = GoiardiExtension.withTls();
 * }</pre>
 */
public class GoiardiExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(GoiardiExtension.class);
    private final GoiardiServer.Options options;

    public GoiardiExtension() {
        this(GoiardiServer.Options.defaults());
    }

    public GoiardiExtension(GoiardiServer.Options options) {
        this.options = options;
    }

    public static GoiardiExtension withTls() {
        return new GoiardiExtension(GoiardiServer.Options.defaults().withTls());
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getStore(NS).put(GoiardiServer.class, GoiardiServer.start(options));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        GoiardiServer server = context.getStore(NS).remove(GoiardiServer.class, GoiardiServer.class);
        if (server != null) {
            server.close();
        }
    }

    /** The server of the running test class. */
    public static GoiardiServer server(ExtensionContext context) {
        for (ExtensionContext c = context; c != null; c = c.getParent().orElse(null)) {
            GoiardiServer s = c.getStore(NS).get(GoiardiServer.class, GoiardiServer.class);
            if (s != null) {
                return s;
            }
        }
        throw new IllegalStateException("no goiardi server: register GoiardiExtension on the test class");
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == GoiardiServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return server(context);
    }
}
