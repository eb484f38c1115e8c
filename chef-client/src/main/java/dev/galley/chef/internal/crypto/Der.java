package dev.galley.chef.internal.crypto;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The few DER (ASN.1) shapes needed to move RSA keys between PKCS#1 and the PKCS#8/X.509 forms the JDK reads.
 */
final class Der {
    static final int INTEGER = 0x02;
    static final int BIT_STRING = 0x03;
    static final int OCTET_STRING = 0x04;
    static final int NULL = 0x05;
    static final int OID = 0x06;
    static final int SEQUENCE = 0x30;

    /** rsaEncryption, 1.2.840.113549.1.1.1, with NULL parameters: the AlgorithmIdentifier of every RSA key. */
    static final byte[] RSA_ALGORITHM_IDENTIFIER = {
        0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00
    };

    /** One decoded element: its tag and the bytes of its content. */
    record Element(int tag, byte[] content) {
    }

    private Der() {
    }

    static byte[] encode(int tag, byte[]... parts) {
        int length = 0;
        for (byte[] p : parts) {
            length += p.length;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(length + 6);
        out.write(tag);
        writeLength(out, length);
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static void writeLength(ByteArrayOutputStream out, int length) {
        if (length < 0x80) {
            out.write(length);
        } else if (length <= 0xff) {
            out.write(0x81);
            out.write(length);
        } else if (length <= 0xffff) {
            out.write(0x82);
            out.write(length >> 8);
            out.write(length);
        } else {
            out.write(0x83);
            out.write(length >> 16);
            out.write(length >> 8);
            out.write(length);
        }
    }

    /**
     * Reads the elements of one SEQUENCE.
     *
     * @throws IllegalArgumentException if the bytes are not a well-formed SEQUENCE
     */
    static List<Element> readSequence(byte[] der) {
        Element outer = readOne(der, 0, der.length);
        if (outer.tag() != SEQUENCE) {
            throw new IllegalArgumentException("expected an ASN.1 SEQUENCE, found tag 0x" + Integer.toHexString(outer.tag()));
        }
        byte[] body = outer.content();
        List<Element> elements = new ArrayList<>();
        int pos = 0;
        while (pos < body.length) {
            int[] header = header(body, pos, body.length);
            int contentStart = header[1];
            int len = header[2];
            byte[] content = new byte[len];
            System.arraycopy(body, contentStart, content, 0, len);
            elements.add(new Element(header[0], content));
            pos = contentStart + len;
        }
        return elements;
    }

    private static Element readOne(byte[] der, int from, int limit) {
        int[] header = header(der, from, limit);
        if (header[1] + header[2] != limit) {
            throw new IllegalArgumentException("trailing or missing bytes after the ASN.1 element");
        }
        byte[] content = new byte[header[2]];
        System.arraycopy(der, header[1], content, 0, header[2]);
        return new Element(header[0], content);
    }

    /** Returns {tag, content offset, content length}. */
    private static int[] header(byte[] der, int pos, int limit) {
        if (pos + 2 > limit) {
            throw new IllegalArgumentException("truncated ASN.1 element");
        }
        int tag = der[pos] & 0xff;
        int first = der[pos + 1] & 0xff;
        int offset = pos + 2;
        int length;
        if (first < 0x80) {
            length = first;
        } else {
            int n = first & 0x7f;
            if (n == 0 || n > 3 || offset + n > limit) {
                throw new IllegalArgumentException("unsupported ASN.1 length encoding");
            }
            length = 0;
            for (int i = 0; i < n; i++) {
                length = (length << 8) | (der[offset + i] & 0xff);
            }
            offset += n;
        }
        if (offset + length > limit) {
            throw new IllegalArgumentException("truncated ASN.1 element");
        }
        return new int[] {tag, offset, length};
    }
}
