package org.onegrid.registry.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.onegrid.shared.web.Problems;

/** Query parameters of the registry's lists, checked with a message naming the parameter. */
final class Params {

    private Params() {}

    /** The one value of a query parameter; a repeated one is refused, never joined or cut to its first value. */
    static String one(org.springframework.util.MultiValueMap<String, String> q, String name) {
        java.util.List<String> values = q.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw Problems.invalid(name, name + ": 只能给出一个值");
        }
        return values.get(0);
    }

    /** An enum constant by its name or its Chinese label (独居老人); null for none. */
    static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(v) || v.equals(label(e))) {
                return e;
            }
        }
        throw Problems.invalid(
                field,
                field + ": 不认识的取值 " + v + "，可选："
                        + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")));
    }

    static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw Problems.invalid(field, field + ": 日期须写作 2026-01-31");
        }
    }

    static Long id(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw Problems.invalid(field, field + ": 须为数字编号");
        }
    }

    static int number(String field, String value, int otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw Problems.invalid(field, field + ": 须为整数");
        }
    }

    static String label(Enum<?> e) {
        try {
            return (String) e.getClass().getMethod("label").invoke(e);
        } catch (ReflectiveOperationException x) {
            return e.name();
        }
    }
}
