package dev.galley.knife.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One node's last check-in as {@code knife status} shows it, and knife's line for it ("2 hours ago, web1,
 * web1.example.com, 10.0.0.1, ubuntu 22.04."), coloured by age: green under an hour, yellow up to 24 hours, red
 * after.
 *
 * @param name            the node name
 * @param environment     its environment
 * @param ohaiTime        when chef-client last ran (the automatic attribute ohai_time, Unix seconds), if ever
 * @param fqdn            the public hostname in a cloud, else the fqdn attribute, if any
 * @param ip              the first public IPv4 address in a cloud, else the ipaddress attribute, if any
 * @param runList         the run list ("recipe[base]", "role[web]")
 * @param platform        the platform attribute, if any
 * @param platformVersion the platform_version attribute, if any
 */
public record NodeStatus(String name, String environment, Optional<BigDecimal> ohaiTime, Optional<String> fqdn,
        Optional<String> ip, List<String> runList, Optional<String> platform, Optional<String> platformVersion) {

    /** The colours of knife status. */
    public enum Age { GREEN, YELLOW, RED }

    public NodeStatus {
        Objects.requireNonNull(name, "name");
        runList = List.copyOf(runList);
    }

    /** Seconds since the last run, as knife counts them (whole seconds). */
    public Optional<Long> secondsSince(Instant now) {
        return ohaiTime.map(t -> now.getEpochSecond() - t.longValue());
    }

    /** Whether the node ran chef-client within the last {@code minutes} minutes (knife's --hide-by-mins). */
    public boolean ranWithin(long minutes, Instant now) {
        return ohaiTime.map(t -> t.longValue() >= now.getEpochSecond() - minutes * 60
                && t.longValue() <= now.getEpochSecond()).orElse(false);
    }

    /** knife's colour for the age: red after 24 hours, yellow from one hour, green below. */
    public Optional<Age> age(Instant now) {
        return secondsSince(now).map(d -> d / 3600 > 24 ? Age.RED : d / 3600 >= 1 ? Age.YELLOW : Age.GREEN);
    }

    /** "3 hours", "1 minute", "12 seconds": the largest whole unit, as knife shows it. */
    public Optional<String> ageText(Instant now) {
        return secondsSince(now).map(d -> {
            long hours = d / 3600;
            long minutes = (d % 3600) / 60;
            long seconds = d % 60;
            if (hours >= 1) {
                return plural(hours, "hour");
            }
            return minutes >= 1 ? plural(minutes, "minute") : plural(seconds, "second");
        });
    }

    /** knife's line; {@code color} adds the terminal colour to the age, {@code showRunList} the run list. */
    public String line(Instant now, boolean showRunList, boolean color) {
        List<String> parts = new ArrayList<>();
        Optional<String> text = ageText(now);
        if (text.isPresent()) {
            parts.add(paint(text.get(), age(now).orElseThrow(), color) + " ago");
            parts.add(name);
        } else {
            parts.add("Node " + name + " has not yet converged");
        }
        fqdn.ifPresent(parts::add);
        ip.ifPresent(parts::add);
        if (showRunList) {
            parts.add(rubyArray(runList));
        }
        platform.ifPresent(p -> parts.add(p + platformVersion.map(v -> " " + v).orElse("")));
        return String.join(", ", parts) + ".";
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }

    private static String paint(String s, Age age, boolean color) {
        if (!color) {
            return s;
        }
        String code = switch (age) {
            case GREEN -> "32";
            case YELLOW -> "33";
            case RED -> "31";
        };
        return "\u001b[" + code + "m" + s + "\u001b[0m";
    }

    /** The run list as knife prints it: Ruby's Array#to_s. */
    private static String rubyArray(List<String> items) {
        return "[" + String.join(", ", items.stream().map(i -> "\"" + i + "\"").toList()) + "]";
    }
}
