package org.onegrid.shared.web;

import java.util.Map;
import java.util.Optional;
import org.springframework.web.ErrorResponseException;

/**
 * What any text a request brings may hold, whatever the channel (API JSON, page forms, the hotline's webhook, Open311):
 * no control character but tab, line feed and carriage return (U+0000 reaches PostgreSQL and fails; U+0001 or U+000B,
 * common in text pasted from Word or WeChat, cannot be written into Open311's XML), no non-character U+FFFE or U+FFFF,
 * no unpaired surrogate; and at most the maximum of its {@link Kind}.
 *
 * <p>The characters are checked at the edge for every request ({@code MalformedInputFilter} for parameters and file
 * names, the API's JSON reader for every string of a body); the lengths by the facade that takes the text, which
 * knows its kind, before anything is written.
 */
public final class TextRules {

    /** No single text of any request is longer, whatever its kind: a parameter, a form field, a JSON string. */
    public static final int MAX_ANY = 10_000;

    /** The kinds of text and the most characters each may have (docs/API.md, "Limits of input"). */
    public enum Kind {
        /** codes and identifiers: a catalog item, grid, region, department or organisation code, an order id */
        CODE(64),
        /** a person's or an organisation's name */
        NAME(100),
        /** one short value: an enum value, a sort, a phone number, a date */
        LINE(200),
        /** the text a list or a picker is searched by */
        QUERY(200),
        /** an address */
        ADDRESS(500),
        /** an incident's description 事件描述 */
        DESCRIPTION(4_000),
        /** a comment on an action: the reason, result, instruction, reply or part it gives */
        COMMENT(4_000);

        private final int max;

        Kind(int max) {
            this.max = max;
        }

        /** The most characters a text of this kind may have. */
        public int max() {
            return max;
        }
    }

    private TextRules() {}

    /** The index of the first character a text may not hold, or -1 when it holds none. */
    public static int forbidden(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20) {
                if (c != '\t' && c != '\n' && c != '\r') {
                    return i;
                }
            } else if (c == '\uFFFE' || c == '\uFFFF') {
                return i;
            } else if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    return i;
                }
            } else if (Character.isLowSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Why {@code text} may not be taken as a text of {@code kind}: which character it may not hold, or that it is too
     * long; empty when it is fine (null is fine: whether a text is required is for the caller).
     */
    public static Optional<String> violation(String text, Kind kind) {
        return violation(text, kind.max());
    }

    /** As {@link #violation(String, Kind)}, for a maximum of the caller's own. */
    public static Optional<String> violation(String text, int max) {
        if (text == null) {
            return Optional.empty();
        }
        Optional<String> character = characterViolation(text);
        if (character.isPresent()) {
            return character;
        }
        int length = text.codePointCount(0, text.length());
        if (length > max) {
            return Optional.of("may have at most " + max + " characters, not " + length);
        }
        return Optional.empty();
    }

    /** Why {@code text} may not be taken whatever its kind: a character it may not hold; empty when there is none. */
    public static Optional<String> characterViolation(String text) {
        if (text == null) {
            return Optional.empty();
        }
        int at = forbidden(text);
        if (at < 0) {
            return Optional.empty();
        }
        return Optional.of("holds the character " + codePoint(text.charAt(at)) + " at position " + at
                + ", which no text may hold (control characters other than tab and line breaks, U+FFFE, U+FFFF,"
                + " unpaired surrogates)");
    }

    /**
     * Checks a text of {@code kind} and refuses it with {@code 400 invalid-input} naming {@code field}, with the
     * kind's maximum as {@code maxLength}.
     *
     * @return the text, unchanged
     */
    public static String check(String field, String text, Kind kind) {
        Optional<String> violation = violation(text, kind);
        if (violation.isPresent()) {
            throw refusal(field, violation.get(), kind.max());
        }
        return text;
    }

    /** Checks only the characters of a text whose length the caller checks itself. */
    public static String checkCharacters(String field, String text) {
        Optional<String> violation = characterViolation(text);
        if (violation.isPresent()) {
            throw Problems.invalid(field, field + " " + violation.get());
        }
        return text;
    }

    private static ErrorResponseException refusal(String field, String why, int max) {
        return Problems.of(
                org.springframework.http.HttpStatus.BAD_REQUEST,
                "invalid-input",
                field + " " + why,
                Map.of("field", field, "maxLength", max));
    }

    /** {@code U+000B} for a character. */
    public static String codePoint(char c) {
        return String.format("U+%04X", (int) c);
    }
}
