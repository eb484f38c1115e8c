package dev.galley.chef.internal.databag;

import dev.galley.chef.EncryptedDataBagException;
import dev.galley.chef.EncryptedDataBagException.Reason;

/** Which value of which item is being decrypted, for messages that say where the problem is. */
record ValueLocation(String itemId, String key) {

    EncryptedDataBagException fail(Reason reason, String detail) {
        return new EncryptedDataBagException(reason, itemId, key,
                "cannot decrypt value " + quoted(key) + " of item " + quoted(itemId) + ": " + detail);
    }

    /** Keys are free text: keep a message on one line whatever they hold. */
    private static String quoted(String name) {
        StringBuilder b = new StringBuilder("'");
        name.codePoints().limit(100).forEach(c -> b.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return b.append(name.codePointCount(0, name.length()) > 100 ? "...'" : "'").toString();
    }
}
