package dev.briefs.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;

/**
 * What the command line prints, with nothing in it that a terminal would act on. File names and
 * article text reach the operator's messages (a failure names its file); a name holding escape
 * sequences could recolour, hide or rewrite the screen, and bidi controls could reorder what is
 * shown. ANSI escape sequences (CSI, OSC and two-character ones) are dropped whole, other control
 * characters and bidi controls are dropped, line feeds and tabs are kept.
 */
final class TerminalSafeWriter extends FilterWriter {

    private static final char ESC = '\u001b';
    private static final char BEL = '\u0007';
    private static final char CSI_8BIT = '\u009b';
    private static final char OSC_8BIT = '\u009d';

    private enum State {
        TEXT,
        ESCAPE,
        CSI,
        OSC,
        OSC_ESCAPE
    }

    // Kept between calls: a sequence may be split across two writes.
    private State state = State.TEXT;

    TerminalSafeWriter(Writer out) {
        super(out);
    }

    @Override
    public void write(int c) throws IOException {
        char ch = (char) c;
        switch (state) {
            case TEXT -> {
                if (ch == ESC) {
                    state = State.ESCAPE;
                } else if (ch == CSI_8BIT) {
                    state = State.CSI;
                } else if (ch == OSC_8BIT) {
                    state = State.OSC;
                } else if (shown(ch)) {
                    out.write(ch);
                }
            }
            case ESCAPE -> state = ch == '[' ? State.CSI : ch == ']' ? State.OSC : State.TEXT;
            case CSI -> {
                if (ch >= 0x40 && ch <= 0x7e) {
                    state = State.TEXT; // the final byte ends the sequence
                }
            }
            case OSC -> {
                if (ch == BEL) {
                    state = State.TEXT;
                } else if (ch == ESC) {
                    state = State.OSC_ESCAPE;
                }
            }
            case OSC_ESCAPE -> state = State.TEXT; // ESC \ ends an OSC string
            default -> throw new IllegalStateException(state.name());
        }
    }

    @Override
    public void write(char[] buf, int off, int len) throws IOException {
        for (int i = off; i < off + len; i++) {
            write(buf[i]);
        }
    }

    @Override
    public void write(String s, int off, int len) throws IOException {
        for (int i = off; i < off + len; i++) {
            write(s.charAt(i));
        }
    }

    private static boolean shown(char c) {
        if (c == '\n' || c == '\t') {
            return true;
        }
        if (Character.getType(c) == Character.CONTROL) {
            return false; // C0, DEL and C1 controls, carriage return included: it lets text overwrite its line
        }
        return !(c >= '\u202a' && c <= '\u202e') && !(c >= '\u2066' && c <= '\u2069') && c != '\u200e' && c != '\u200f';
    }
}
