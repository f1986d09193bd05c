package org.onegrid.staff.web;

import org.onegrid.shared.web.Problems;

/** Checked paging parameters of list endpoints. */
record Paging(int page, int size) {

    static final int MAX_SIZE = 200;

    static Paging of(Integer page, Integer size) {
        int p = page == null ? 0 : page;
        int s = size == null ? 20 : size;
        if (p < 0) {
            throw Problems.invalid("page", "page must be 0 or more");
        }
        if (s < 1 || s > MAX_SIZE) {
            throw Problems.invalid("size", "size must be between 1 and " + MAX_SIZE);
        }
        return new Paging(p, s);
    }

    static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Problems.invalid(
                    field, field + " must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }
}
