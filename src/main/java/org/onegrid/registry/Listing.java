package org.onegrid.registry;

import java.util.List;

/**
 * One page of a registry list, with the total a user can quote ("共 1,284 人").
 *
 * @param page counted from 0
 */
public record Listing<T>(List<T> items, long total, int page, int size) {

    public int pages() {
        return (int) ((total + size - 1) / size);
    }
}
