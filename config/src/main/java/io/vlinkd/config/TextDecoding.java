package io.vlinkd.config;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Strict UTF-8: binary garbage is reported at the line and column of its first bad byte. */
final class TextDecoding {
    private TextDecoding() {
    }

    sealed interface Decoded {
        record Text(String text) implements Decoded {
        }

        record Bad(int line, int column, String message) implements Decoded {
        }
    }

    static Decoded decode(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult r = decoder.decode(in, out, true);
        if (r.isError()) {
            out.flip();
            String before = out.toString();
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < before.length(); i++) {
                if (before.charAt(i) == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            int column = before.codePointCount(lineStart, before.length()) + 1;
            return new Decoded.Bad(line, column, String.format("not UTF-8 text (byte 0x%02x at offset %d);"
                    + " is this a binary file?", bytes[in.position()] & 0xff, in.position()));
        }
        decoder.flush(out);
        out.flip();
        String text = out.toString();
        return new Decoded.Text(text.startsWith("\uFEFF") ? text.substring(1) : text);
    }
}
