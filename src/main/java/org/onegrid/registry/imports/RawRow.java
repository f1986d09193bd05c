package org.onegrid.registry.imports;

import java.util.BitSet;

/**
 * One row as read from the file: its number as a spreadsheet shows it, and its cells as text.
 *
 * @param longNumbers the cells an XLSX file holds as numbers of 16 digits or more, whose last digits Excel has
 *     already lost (an ID number typed into a number cell); null for CSV
 */
record RawRow(int number, String[] cells, BitSet longNumbers) {

    RawRow(int number, String[] cells) {
        this(number, cells, null);
    }

    boolean isLongNumber(int cell) {
        return longNumbers != null && longNumbers.get(cell);
    }
}
