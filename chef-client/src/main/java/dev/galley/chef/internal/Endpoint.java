package dev.galley.chef.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.galley.chef.ChefException;
import dev.galley.chef.ChefNotFoundException;
import dev.galley.core.Fault;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * What every endpoint family shares: the request pipeline and the small patterns of the Chef API.
 */
abstract class Endpoint {
    /** How many times a read-modify-write is tried before giving up on a node that keeps changing under us. */
    static final int RMW_ATTEMPTS = 5;

    protected final ChefHttp http;

    Endpoint(ChefHttp http) {
        this.http = http;
    }

    /** Names from a listing ({"name": "url", ...}), sorted. */
    static List<String> names(JsonNode listing) {
        List<String> out = new ArrayList<>();
        listing.fieldNames().forEachRemaining(out::add);
        out.sort(null);
        return out;
    }

    /** Strings from a JSON array. */
    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    static <T> Optional<T> optional(Supplier<T> get) {
        try {
            return Optional.of(get.get());
        } catch (ChefNotFoundException e) {
            return Optional.empty();
        }
    }

    /**
     * Read, change, write, read back and check the change held (applying it again changes nothing); repeat when
     * something else saved the object in between.
     */
    static <T> T readModifyWrite(String what, Supplier<T> read, Consumer<T> write, UnaryOperator<T> change) {
        for (int attempt = 1; attempt <= RMW_ATTEMPTS; attempt++) {
            T before = read.get();
            T after = change.apply(before);
            if (after.equals(before)) {
                return before;
            }
            write.accept(after);
            T check = read.get();
            if (change.apply(check).equals(check)) {
                return check;
            }
        }
        throw new ChefException(Fault.UNAVAILABLE, "the change to " + what + " was overwritten " + RMW_ATTEMPTS
                + " times in a row: something (a chef-client run?) keeps saving it; try again when it is idle");
    }
}
