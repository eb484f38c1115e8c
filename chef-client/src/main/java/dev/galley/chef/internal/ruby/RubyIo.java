package dev.galley.chef.internal.ruby;

/**
 * One of Ruby's standard streams ({@code STDOUT}, {@code STDERR}, {@code $stdout}, {@code $stderr}) as a value,
 * which knife configuration hands to {@code log_location}.
 *
 * @param name "STDOUT" or "STDERR"
 */
public record RubyIo(String name) {
    @Override
    public String toString() {
        return name;
    }
}
