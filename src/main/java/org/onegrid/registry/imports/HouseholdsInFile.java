package org.onegrid.registry.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.onegrid.registry.domain.Relation;
import org.onegrid.registry.imports.Lines.PersonLine;

/**
 * What the rows of a household file must satisfy together, row after row: a person (by ID number) once only, and in
 * one household only; the members of a household at one address; each household with exactly one head 户主. The rows
 * of a household need not be next to each other. Free of Spring and of the database.
 */
final class HouseholdsInFile {

    /** The first row of a household, its address and its head's row (0: none yet). */
    private static final class Household {
        final int firstRow;
        final String address;
        int headRow;
        int members;

        Household(int firstRow, String address) {
            this.firstRow = firstRow;
            this.address = address;
        }
    }

    private record Seen(int row, String household) {}

    private final Map<String, Household> households = new HashMap<>();
    private final Map<String, Seen> persons = new HashMap<>();

    /**
     * The problems of this row with the rows before it.
     *
     * @return whether the row starts a new household
     */
    boolean accept(PersonLine p, List<RowError> found) {
        if (p.idNumber() != null && !p.idNumber().isEmpty()) {
            Seen before = persons.putIfAbsent(p.idNumber(), new Seen(p.row(), p.household()));
            if (before != null) {
                found.add(new RowError(
                        p.row(),
                        "公民身份号码",
                        before.household().equals(p.household())
                                ? "公民身份号码与第 " + before.row() + " 行重复"
                                : "同一人不能属于两户：公民身份号码与第 " + before.row() + " 行（户号 " + before.household() + "）重复"));
            }
        }
        if (p.household().isEmpty()) {
            return false;
        }
        Household h = households.get(p.household());
        boolean fresh = h == null;
        if (fresh) {
            h = new Household(p.row(), p.address());
            households.put(p.household(), h);
        } else if (!h.address.equals(p.address())) {
            found.add(new RowError(
                    p.row(),
                    "地址编码",
                    "同一户的成员须在同一地址：户号 " + p.household() + " 在第 " + h.firstRow + " 行的地址编码是 " + h.address));
        }
        h.members++;
        if (p.relation() == Relation.HEAD) {
            if (h.headRow != 0) {
                found.add(new RowError(
                        p.row(), "与户主关系", "户号 " + p.household() + " 有两名户主：第 " + h.headRow + " 行和第 " + p.row() + " 行"));
            } else {
                h.headRow = p.row();
            }
        }
        return fresh;
    }

    /** The households that have no head, at the end of the file. */
    List<RowError> finish() {
        List<RowError> found = new ArrayList<>();
        households.forEach((number, h) -> {
            if (h.headRow == 0) {
                found.add(new RowError(
                        h.firstRow, "与户主关系", "户号 " + number + " 没有户主（" + h.members + " 名成员，首行第 " + h.firstRow + " 行）"));
            }
        });
        found.sort(java.util.Comparator.comparingInt(RowError::row));
        return found;
    }

    int households() {
        return households.size();
    }
}
