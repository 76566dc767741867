package io.carlo.engine.function.text;

import io.carlo.engine.function.Arguments;
import io.carlo.engine.function.FunctionRegistry;
import io.carlo.engine.value.ErrorSignal;
import io.carlo.engine.value.ExcelError;
import io.carlo.engine.value.NumberValue;
import io.carlo.engine.value.Scalar;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;

/**
 * CHAR and CODE work in the Windows ANSI code page (1252 for en-US Excel on Windows, so CHAR(128)
 * is the euro sign); UNICHAR and UNICODE work in Unicode code points.
 */
final class CharacterFunctions {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private CharacterFunctions() {
    }

    static void register(FunctionRegistry registry) {
        registry.scalar("CHAR", 1, 1, CharacterFunctions::charOf);
        registry.scalar("CODE", 1, 1, CharacterFunctions::code);
        registry.scalar("UNICHAR", 1, 1, CharacterFunctions::unichar);
        registry.scalar("UNICODE", 1, 1, CharacterFunctions::unicode);
    }

    private static Scalar charOf(Arguments args) {
        double n = args.number(0);
        if (n < 1 || n >= 256) {
            throw ErrorSignal.of(ExcelError.VALUE);
        }
        return TextArgs.text(String.valueOf(ansiToChar((int) n)));
    }

    /** The code page 1252 code of the first character; characters outside the code page read as '?' (63). */
    private static Scalar code(Arguments args) {
        String text = args.text(0);
        if (text.isEmpty()) {
            throw ErrorSignal.of(ExcelError.VALUE);
        }
        return NumberValue.of(charToAnsi(text.charAt(0)));
    }

    /** UNICHAR(number): 0 and numbers past U+10FFFF are #VALUE!, lone surrogate halves #N/A. */
    private static Scalar unichar(Arguments args) {
        double n = args.number(0);
        if (n < 1 || n > Character.MAX_CODE_POINT) {
            throw ErrorSignal.of(ExcelError.VALUE);
        }
        int cp = (int) n;
        if (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE) {
            throw ErrorSignal.of(ExcelError.NA);
        }
        return TextArgs.text(Character.toString(cp));
    }

    private static Scalar unicode(Arguments args) {
        String text = args.text(0);
        if (text.isEmpty()) {
            throw ErrorSignal.of(ExcelError.VALUE);
        }
        return NumberValue.of(text.codePointAt(0));
    }

    /** Bytes 0x81, 0x8D, 0x8F, 0x90 and 0x9D have no character in 1252; Windows maps them to U+0081 etc. */
    static char ansiToChar(int code) {
        try {
            return WINDOWS_1252.newDecoder().onUnmappableCharacter(CodingErrorAction.REPORT)
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(new byte[] {(byte) code})).charAt(0);
        } catch (CharacterCodingException e) {
            return (char) code;
        }
    }

    static int charToAnsi(char ch) {
        if (ch < 128 || (ch >= 0xA0 && ch <= 0xFF) || (ch >= 0x80 && ch < 0xA0 && ansiToChar(ch) == ch)) {
            return ch;
        }
        try {
            ByteBuffer b = WINDOWS_1252.newEncoder().onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(new char[] {ch}));
            return b.get(0) & 0xFF;
        } catch (CharacterCodingException e) {
            return '?';
        }
    }
}
