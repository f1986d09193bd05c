package org.onegrid.registry.imports;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.onegrid.registry.domain.BuildingUse;
import org.onegrid.registry.domain.CreditCodes;
import org.onegrid.registry.domain.IdNumbers;
import org.onegrid.registry.domain.OrganisationKind;
import org.onegrid.registry.domain.OrganisationTag;
import org.onegrid.registry.domain.PersonTag;
import org.onegrid.registry.domain.Phones;
import org.onegrid.registry.domain.Relation;
import org.onegrid.registry.domain.Residence;
import org.onegrid.registry.domain.Sex;
import org.onegrid.registry.domain.Violation;

/**
 * A row of each template read into its values, with every problem the row shows on its own (checksums, formats,
 * consistency of birth date and sex with the ID number); what needs other rows or the registry is checked later.
 */
final class Lines {

    private static final int MAX_NAME = 50;
    private static final int MAX_TEXT = 200;
    private static final DateTimeFormatter COMPACT = DateTimeFormatter.BASIC_ISO_DATE;
    private static final java.util.regex.Pattern TAG_SEPARATORS = java.util.regex.Pattern.compile("[、,，;；\\s]+");

    private Lines() {}

    /** A row of the address template. */
    record AddressLine(
            int row,
            String code,
            String road,
            String number,
            String building,
            String unit,
            String room,
            double lng,
            double lat,
            String village,
            String buildingName,
            Integer floors,
            BuildingUse use) {

        /** The address as the registry keeps it unique: village (filled in later), road, number, building, unit, room. */
        String partsKey(String villageCode) {
            return String.join("\u0001", villageCode, road, n(number), n(building), n(unit), n(room));
        }

        /** The building it lies in, within its village. */
        String buildingKey(String villageCode) {
            return String.join("\u0001", villageCode, road, n(number), n(building));
        }

        private static String n(String s) {
            return s == null ? "\u0000" : s;
        }
    }

    /** A row of the household template: one person. */
    record PersonLine(
            int row,
            String household,
            Relation relation,
            String name,
            String idNumber,
            LocalDate birthDate,
            Sex sex,
            String phone,
            Residence residence,
            Set<PersonTag> tags,
            String address,
            String addressText) {}

    /** A row of the organisation template. */
    record OrganisationLine(
            int row,
            String creditCode,
            String name,
            OrganisationKind kind,
            String industry,
            String address,
            String responsible,
            Set<OrganisationTag> tags) {}

    static AddressLine address(Header h, RawRow r, List<RowError> found) {
        int row = r.number();
        String code = required(h, r, "code", found);
        length(h, r, "code", 64, found);
        String road = required(h, r, "road", found);
        length(h, r, "road", MAX_TEXT, found);
        for (String k : List.of("number", "building", "unit", "room", "buildingName")) {
            length(h, r, k, MAX_TEXT, found);
        }
        Double lng = decimal(h, r, "lng", found);
        Double lat = decimal(h, r, "lat", found);
        if (lng != null && (lng < 73 || lng > 136)) {
            found.add(new RowError(row, h.headerOf("lng"), "经度 " + h.get(r, "lng") + " 不在中国境内（73 至 136 度），请检查经纬度是否填反"));
            lng = null;
        }
        if (lat != null && (lat < 3 || lat > 54)) {
            found.add(new RowError(row, h.headerOf("lat"), "纬度 " + h.get(r, "lat") + " 不在中国境内（3 至 54 度），请检查经纬度是否填反"));
            lat = null;
        }
        String village = h.get(r, "village");
        if (!village.isEmpty() && !village.matches("\\d{12}")) {
            found.add(new RowError(row, h.headerOf("village"), "村（社区）代码须为 12 位数字：" + village));
        }
        Integer floors = null;
        String f = h.get(r, "floors");
        if (!f.isEmpty()) {
            try {
                floors = Integer.valueOf(f);
                if (floors < 1 || floors > 200) {
                    found.add(new RowError(row, h.headerOf("floors"), "建筑层数须在 1 到 200 之间：" + f));
                }
            } catch (NumberFormatException e) {
                found.add(new RowError(row, h.headerOf("floors"), "建筑层数须为整数：" + f));
            }
        }
        BuildingUse use = null;
        String u = h.get(r, "use");
        if (!u.isEmpty()) {
            use = label(BuildingUse.values(), u, BuildingUse::label);
            if (use == null) {
                found.add(new RowError(row, h.headerOf("use"), "建筑用途须为住宅、商业、商住、工业、公共或其他：" + u));
            }
        }
        String buildingName = h.get(r, "buildingName");
        if (!buildingName.isEmpty() && u.isEmpty()) {
            found.add(new RowError(row, h.headerOf("use"), "填写了建筑名称，必须同时填写建筑用途"));
        }
        if (buildingName.isEmpty() && (!f.isEmpty() || !u.isEmpty())) {
            found.add(new RowError(row, h.headerOf("buildingName"), "填写了建筑层数或用途，必须同时填写建筑名称"));
        }
        return new AddressLine(
                row,
                code,
                road,
                blankToNull(h.get(r, "number")),
                blankToNull(h.get(r, "building")),
                blankToNull(h.get(r, "unit")),
                blankToNull(h.get(r, "room")),
                lng == null ? Double.NaN : lng,
                lat == null ? Double.NaN : lat,
                blankToNull(village),
                blankToNull(buildingName),
                floors,
                use);
    }

    static PersonLine person(Header h, RawRow r, List<RowError> found) {
        int row = r.number();
        String household = required(h, r, "household", found);
        length(h, r, "household", 40, found);
        Relation relation = null;
        String rel = h.get(r, "relation");
        if (!rel.isEmpty()) {
            relation = "本人".equals(rel) ? Relation.HEAD : label(Relation.values(), rel, Relation::label);
            if (relation == null) {
                found.add(new RowError(row, h.headerOf("relation"), "与户主关系须为户主、配偶、子女、父母或其他：" + rel));
            }
        } else {
            found.add(missing(h, row, "relation"));
        }
        String name = required(h, r, "name", found);
        length(h, r, "name", MAX_NAME, found);
        LocalDate birthDate = null;
        String b = h.get(r, "birthDate");
        if (!b.isEmpty()) {
            birthDate = date(b);
            if (birthDate == null) {
                found.add(new RowError(row, h.headerOf("birthDate"), "出生日期无法识别：" + b + "（格式如 1985-03-12）"));
            }
        }
        Sex sex = null;
        String s = h.get(r, "sex");
        if (!s.isEmpty()) {
            sex = label(Sex.values(), s, Sex::label);
            if (sex == null) {
                found.add(new RowError(row, h.headerOf("sex"), "性别须为男或女：" + s));
            }
        }
        String id = IdNumbers.normalised(h.get(r, "idNumber"));
        if (h.isLongNumber(r, "idNumber")) {
            found.add(new RowError(row, h.headerOf("idNumber"), "公民身份号码被 Excel 存成了数字，末几位已丢失；请把该列设为“文本”格式后重新填写"));
        } else {
            for (Violation v : IdNumbers.check("idNumber", id, birthDate, sex)) {
                found.add(new RowError(row, h.headerOf(v.field()), v.message()));
            }
        }
        String phone = h.get(r, "phone");
        for (Violation v : Phones.check("phone", phone)) {
            found.add(new RowError(row, h.headerOf("phone"), v.message()));
        }
        Residence residence = null;
        String res = h.get(r, "residence");
        if (res.isEmpty()) {
            found.add(missing(h, row, "residence"));
        } else {
            residence = label(Residence.values(), res.replace("人口", "").replace("人员", ""), Residence::label);
            if (residence == null) {
                found.add(new RowError(row, h.headerOf("residence"), "人口类型须为户籍、流动或境外：" + res));
            }
        }
        Set<PersonTag> tags = EnumSet.noneOf(PersonTag.class);
        for (String t : split(h.get(r, "tags"))) {
            PersonTag tag = label(PersonTag.values(), t, PersonTag::label);
            if (tag == null) {
                found.add(new RowError(row, h.headerOf("tags"), "无法识别的人员标签：" + t + "（可用：独居老人、困境儿童、残疾人、低保、重点人员）"));
            } else {
                tags.add(tag);
            }
        }
        String address = required(h, r, "address", found);
        length(h, r, "addressText", MAX_TEXT, found);
        return new PersonLine(
                row,
                household,
                relation,
                name,
                id,
                birthDate,
                sex,
                Phones.normalised(phone),
                residence,
                tags,
                address,
                blankToNull(h.get(r, "addressText")));
    }

    static OrganisationLine organisation(Header h, RawRow r, List<RowError> found) {
        int row = r.number();
        String code = CreditCodes.normalised(h.get(r, "creditCode"));
        for (Violation v : CreditCodes.check("creditCode", code)) {
            found.add(new RowError(row, h.headerOf("creditCode"), v.message()));
        }
        String name = required(h, r, "name", found);
        length(h, r, "name", MAX_TEXT, found);
        length(h, r, "industry", MAX_TEXT, found);
        OrganisationKind kind = null;
        String k = h.get(r, "kind");
        if (k.isEmpty()) {
            found.add(missing(h, row, "kind"));
        } else {
            kind = label(OrganisationKind.values(), k, OrganisationKind::label);
            if (kind == null) {
                found.add(new RowError(row, h.headerOf("kind"), "组织类型须为企业或社会组织：" + k));
            }
        }
        String responsible = IdNumbers.normalised(h.get(r, "responsible"));
        if (!responsible.isEmpty()) {
            for (Violation v : IdNumbers.check("responsible", responsible, null, null)) {
                found.add(new RowError(row, h.headerOf("responsible"), "负责人" + v.message()));
            }
        }
        Set<OrganisationTag> tags = EnumSet.noneOf(OrganisationTag.class);
        for (String t : split(h.get(r, "tags"))) {
            OrganisationTag tag = label(OrganisationTag.values(), t, OrganisationTag::label);
            if (tag == null) {
                found.add(new RowError(row, h.headerOf("tags"), "无法识别的场所标签：" + t + "（可用：危化品企业、九小场所、三合一场所、出租房屋、在建工地）"));
            } else {
                tags.add(tag);
            }
        }
        String address = required(h, r, "address", found);
        return new OrganisationLine(
                row, code, name, kind, blankToNull(h.get(r, "industry")), address, blankToNull(responsible), tags);
    }

    /** 1985-03-12, 1985/3/12, 1985.3.12 or 19850312. */
    static LocalDate date(String text) {
        String t = text.strip();
        try {
            if (t.matches("\\d{8}")) {
                return LocalDate.parse(t, COMPACT);
            }
            String[] p = t.split("[-/.年月日]");
            if (p.length == 3) {
                return LocalDate.of(Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2]));
            }
        } catch (java.time.DateTimeException | NumberFormatException e) {
            return null;
        }
        return null;
    }

    private static List<String> split(String tags) {
        if (tags.isBlank()) {
            return List.of();
        }
        return List.of(TAG_SEPARATORS.split(tags)).stream()
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    private static <E> E label(E[] values, String text, java.util.function.Function<E, String> label) {
        for (E e : values) {
            if (label.apply(e).equals(text.strip())) {
                return e;
            }
        }
        return null;
    }

    private static String required(Header h, RawRow r, String key, List<RowError> found) {
        String v = h.get(r, key);
        if (v.isEmpty()) {
            found.add(missing(h, r.number(), key));
        }
        return v;
    }

    private static RowError missing(Header h, int row, String key) {
        return new RowError(row, h.headerOf(key), h.headerOf(key) + "为必填项");
    }

    private static void length(Header h, RawRow r, String key, int max, List<RowError> found) {
        if (h.get(r, key).length() > max) {
            found.add(new RowError(r.number(), h.headerOf(key), h.headerOf(key) + "不能超过 " + max + " 字"));
        }
    }

    private static Double decimal(Header h, RawRow r, String key, List<RowError> found) {
        String v = h.get(r, key);
        if (v.isEmpty()) {
            found.add(missing(h, r.number(), key));
            return null;
        }
        try {
            double d = Double.parseDouble(v);
            if (!Double.isFinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            found.add(new RowError(r.number(), h.headerOf(key), h.headerOf(key) + "须为小数度数：" + v));
            return null;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
