package org.onegrid.registry.imports;

import java.util.List;
import java.util.Optional;

/** What an import file holds; each has its template of columns. */
public enum ImportKind {
    /** 标准地址 with building, unit, room and point; optionally the building it lies in. */
    ADDRESSES(
            "地址",
            "addresses",
            List.of(
                    new Column("code", "地址编码", true, "本市标准地址编码，全市唯一；户和组织按此编码引用地址", "370523101001-0001-1-101"),
                    new Column("road", "道路/小区", true, "道路、街巷或小区名称", "幸福路花园小区"),
                    new Column("number", "门牌号", false, "门牌号", "18号"),
                    new Column("building", "楼栋", false, "楼栋号", "1号楼"),
                    new Column("unit", "单元", false, "单元号", "1单元"),
                    new Column("room", "户室", false, "户室号", "101"),
                    new Column("lng", "经度", true, "WGS-84 经度（小数度），须落在本市某个网格内", "118.4652"),
                    new Column("lat", "纬度", true, "WGS-84 纬度（小数度）", "37.1021"),
                    new Column("village", "村（社区）代码", false, "12 位村（社区）代码；填写时须与坐标所在村（社区）一致", "370523101001"),
                    new Column("buildingName", "建筑名称", false, "所在建筑的名称；同一门牌、楼栋只登记一次建筑", "花园小区1号楼"),
                    new Column("floors", "建筑层数", false, "1 到 200 的整数", "6"),
                    new Column("use", "建筑用途", false, "住宅、商业、商住、工业、公共或其他；填写建筑名称时必填", "住宅"))),
    /** Households with their members: one row per person, the household by its 户号. */
    HOUSEHOLDS(
            "户和人员",
            "households",
            List.of(
                    new Column("household", "户号", true, "户口簿上的户号；同一户的每名成员填写同一户号", "370523101001000001"),
                    new Column("relation", "与户主关系", true, "户主、配偶、子女、父母或其他；每户有且只有一名户主", "户主"),
                    new Column("name", "姓名", true, "不超过 50 字", "张明"),
                    new Column("idNumber", "公民身份号码", true, "18 位，末位为校验码（数字或 X）；请将该列设为文本格式", "370523198503120015"),
                    new Column("birthDate", "出生日期", false, "可不填；填写时须与身份号码一致，格式 1985-03-12", "1985-03-12"),
                    new Column("sex", "性别", false, "男或女；可不填，填写时须与身份号码一致", "男"),
                    new Column("phone", "联系电话", false, "手机号或带区号的固定电话", "13805461234"),
                    new Column("residence", "人口类型", true, "户籍、流动或境外", "户籍"),
                    new Column("tags", "人员标签", false, "独居老人、困境儿童、残疾人、低保、重点人员，多个用顿号分隔", ""),
                    new Column("address", "地址编码", true, "居住地址的标准地址编码（须已登记）；同一户的成员地址相同", "370523101001-0001-1-101"),
                    new Column("addressText", "户籍地址", false, "户籍地详细地址（个人信息，加密保存）", "山东省东营市广饶县大王镇幸福路18号"))),
    /** Enterprises and social organisations, with the tags that make them places of concern. */
    ORGANISATIONS(
            "组织",
            "organisations",
            List.of(
                    new Column("creditCode", "统一社会信用代码", true, "18 位，末位为校验码（GB 32100）", "91370523MA3C4D5E6P"),
                    new Column("name", "名称", true, "组织全称", "广饶县大王镇示例商贸有限公司"),
                    new Column("kind", "组织类型", true, "企业或社会组织", "企业"),
                    new Column("industry", "行业", false, "所属行业", "批发和零售业"),
                    new Column("address", "地址编码", true, "经营或办公地址的标准地址编码（须已登记）", "370523101001-0001-1-101"),
                    new Column("responsible", "负责人公民身份号码", false, "负责人须已登记在人口中", "370523198503120015"),
                    new Column("tags", "场所标签", false, "危化品企业、九小场所、三合一场所、出租房屋、在建工地，多个用顿号分隔", "九小场所")));

    private final String label;
    private final String slug;
    private final List<Column> columns;

    ImportKind(String label, String slug, List<Column> columns) {
        this.label = label;
        this.slug = slug;
        this.columns = columns;
    }

    public String label() {
        return label;
    }

    /** The kind's name in URLs and file names. */
    public String slug() {
        return slug;
    }

    public List<Column> columns() {
        return columns;
    }

    /**
     * The tables an import of this kind fills, parents first; when all are empty (a city's first import), they are
     * filled before their indexes are built. Organisations are few and go into the tables as they are.
     */
    List<String> tables() {
        return switch (this) {
            case ADDRESSES -> List.of("registry_address", "registry_building");
            case HOUSEHOLDS ->
                List.of("registry_household", "registry_person", "registry_household_member", "registry_person_tag");
            case ORGANISATIONS -> List.of();
        };
    }

    public static Optional<ImportKind> ofSlug(String slug) {
        for (ImportKind k : values()) {
            if (k.slug.equalsIgnoreCase(slug) || k.name().equalsIgnoreCase(slug)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
