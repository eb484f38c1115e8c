package dev.galley.cli;

import dev.galley.knife.Console;
import java.lang.reflect.Constructor;
import picocli.CommandLine;

/**
 * Creates command objects, handing the {@link Console} to those whose constructor takes one.
 */
final class CommandFactory implements CommandLine.IFactory {
    private final Console console;
    private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

    CommandFactory(Console console) {
        this.console = console;
    }

    @Override
    public <K> K create(Class<K> cls) throws Exception {
        for (Constructor<?> c : cls.getDeclaredConstructors()) {
            if (c.getParameterCount() == 1 && c.getParameterTypes()[0] == Console.class) {
                c.setAccessible(true);
                return cls.cast(c.newInstance(console));
            }
        }
        return fallback.create(cls);
    }
}
