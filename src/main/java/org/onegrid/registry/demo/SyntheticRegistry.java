package org.onegrid.registry.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.onegrid.shared.demo.ChineseNames;

/**
 * A synthetic registry 合成数据 for villages, written as the import templates' CSV files, so that it enters the registry
 * through the importer as a city's own data would. Deterministic: the same seed and villages give the same files.
 *
 * <p>Every household has a standard address with a point inside one of its village's grids — rooms of six-storey
 * blocks in a community 社区, houses along the village's streets in a village 村 — and 1 to 6 members (3.1 on
 * average, as Dongying's 2.17 million people in 700,000 households): a head, mostly a spouse, children, sometimes
 * parents. ID numbers have the GB 11643 form with a correct MOD 11-2 check character, a Dongying (3705) region prefix,
 * and the birth date and sex of the person; phones are mobile numbers of valid prefixes. Tags come at the rates of
 * published county figures: 独居老人 about 2 % of people, 低保 about 3 %, 残疾人 about 5 %, 困境儿童 a few in a thousand
 * children, 重点人员 under 0.5 %. Each village has shops and companies with valid unified social credit codes (GB 32100),
 * some of them places of concern (九小场所, 出租房屋, 危化品企业 …), and a social organisation.
 *
 * <p>The numbers are well formed, not real: no record of a real person is behind any of them.
 */
public final class SyntheticRegistry {

    /** A village to fill: its code, name and the polygons of its grids. */
    public record Village(String code, String name, List<Geometry> grids) {}

    /** How many of each were written. */
    public record Counts(int addresses, int households, int persons, int organisations) {}

    /** The day ages are counted to, fixed so that the files do not change with the date they are generated. */
    private static final LocalDate REFERENCE = LocalDate.of(2026, 1, 1);

    private static final String[] DONGYING_COUNTIES = {"370502", "370503", "370505", "370522", "370523"};
    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String ID_CHECK = "10X98765432";
    private static final String CREDIT_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] CREDIT_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final int[] ORG_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};

    /** Household sizes 1 to 6, in ‰: about 3 people on average. */
    private static final int[] SIZE_PER_MILLE = {130, 230, 280, 190, 110, 60};

    private static final String[] STREETS = {"前街", "中街", "后街", "东街", "西街", "南街", "北街", "新街"};
    private static final String[] ESTATES = {"花园", "家园", "小区", "新村", "雅苑"};
    private static final String[] FIRM_NAMES = {
        "鑫源", "华泰", "宏达", "利民", "恒丰", "金岭", "祥和", "鲁东", "正和", "永盛", "盛华", "诚信", "广源", "东信", "瑞丰", "顺达", "福润", "安泰"
    };

    /** What kind of business, its industry, name ending, credit code type, and tags with their chance in %. */
    private record Trade(String industry, String ending, String type, String tags, int tagPercent, boolean factory) {}

    private static final Trade[] TRADES = {
        new Trade("批发和零售业", "超市", "92", "九小场所", 80, false),
        new Trade("住宿和餐饮业", "饭店", "92", "九小场所", 90, false),
        new Trade("居民服务业", "理发店", "92", "九小场所", 60, false),
        new Trade("批发和零售业", "五金建材店", "92", "三合一场所", 25, false),
        new Trade("房地产业", "房屋租赁服务部", "92", "出租房屋", 100, false),
        new Trade("交通运输业", "物流有限公司", "91", "", 0, true),
        new Trade("建筑业", "建筑工程有限公司", "91", "在建工地", 40, false),
        new Trade("化学原料和化学制品制造业", "化工有限公司", "91", "危化品企业", 100, true),
        new Trade("制造业", "机械制造有限公司", "91", "", 0, true),
    };

    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;

    private final Random random;
    private final ChineseNames names;
    private final GeometryFactory geometry = new GeometryFactory();
    private final Set<String> idNumbers = new HashSet<>();
    private final Set<String> creditCodes = new HashSet<>();
    private int addresses;
    private int households;
    private int persons;
    private int organisations;

    public SyntheticRegistry(long seed) {
        this.random = new Random(seed);
        this.names = new ChineseNames(seed);
    }

    /**
     * Writes the three import files for the villages (header rows included, no example rows).
     *
     * @param householdsPerVillage households in each village
     */
    public Counts write(
            List<Village> villages,
            int householdsPerVillage,
            Writer addressFile,
            Writer householdFile,
            Writer orgFile) {
        try {
            addressFile.write("地址编码,道路/小区,门牌号,楼栋,单元,户室,经度,纬度,村（社区）代码,建筑名称,建筑层数,建筑用途\r\n");
            householdFile.write("户号,与户主关系,姓名,公民身份号码,出生日期,性别,联系电话,人口类型,人员标签,地址编码,户籍地址\r\n");
            orgFile.write("统一社会信用代码,名称,组织类型,行业,地址编码,负责人公民身份号码,场所标签\r\n");
            for (Village v : villages) {
                village(v, householdsPerVillage, addressFile, householdFile, orgFile);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Counts(addresses, households, persons, organisations);
    }

    private void village(Village v, int count, Writer addressFile, Writer householdFile, Writer orgFile)
            throws IOException {
        if (v.grids().isEmpty()) {
            return;
        }
        List<PreparedGeometry> grids =
                v.grids().stream().map(PreparedGeometryFactory::prepare).toList();
        boolean community =
                v.name().contains("社区") || v.name().contains("居委会") || v.name().contains("居民委员会");
        String place = shortName(v.name());
        int seq = 0;
        List<String> adults = new ArrayList<>();
        double[] point = null;
        int perBuilding = 24;
        for (int h = 0; h < count; h++) {
            String code = v.code() + "-" + String.format("%05d", ++seq);
            PreparedGeometry grid = grids.get(h * grids.size() / count);
            String road;
            String number;
            String building = null;
            String unit = null;
            String room = null;
            String buildingName = "";
            String floors = "";
            String use = "";
            if (community) {
                int b = h / perBuilding;
                int inBuilding = h % perBuilding;
                road = place + ESTATES[Math.floorMod(v.code().hashCode(), ESTATES.length)];
                number = null;
                building = (b + 1) + "号楼";
                unit = (inBuilding / 12 + 1) + "单元";
                room = (inBuilding % 12 / 2 + 1) + "0" + (inBuilding % 2 + 1);
                if (inBuilding == 0) {
                    point = pointIn(grid);
                    buildingName = road + building;
                    floors = "6";
                    use = "住宅";
                }
            } else {
                road = place + STREETS[h % STREETS.length];
                number = (h / STREETS.length + 1) + "号";
                point = pointIn(grid);
            }
            addressFile.write(csv(
                    code,
                    road,
                    number,
                    building,
                    unit,
                    room,
                    coordinate(point[0]),
                    coordinate(point[1]),
                    v.code(),
                    buildingName,
                    floors,
                    use));
            addresses++;
            household(v, code, String.format("%s%05d", v.code(), h + 1), householdFile, adults);
        }
        organisationsOf(v, place, community, grids, addressFile, orgFile, adults, seq);
    }

    private void household(Village v, String address, String number, Writer out, List<String> adults)
            throws IOException {
        int size = size();
        households++;
        int headAge = size == 1 ? 22 + random.nextInt(68) : 25 + random.nextInt(58);
        boolean headMale = random.nextInt(100) < 75;
        String surname = null;
        boolean poor = random.nextInt(1000) < 30;
        boolean floating = random.nextInt(100) < 12;
        List<String[]> members = new ArrayList<>();
        members.add(new String[] {"户主", String.valueOf(headAge), headMale ? "M" : "F"});
        int left = size - 1;
        if (left > 0 && random.nextInt(100) < 85) {
            int age = Math.max(20, headAge + random.nextInt(9) - 4);
            members.add(new String[] {"配偶", String.valueOf(age), headMale ? "F" : "M"});
            left--;
        }
        if (left > 0 && headAge >= 45 && headAge <= 65 && random.nextInt(100) < 25) {
            members.add(new String[] {"父母", String.valueOf(Math.min(98, headAge + 24 + random.nextInt(8))), "F"});
            left--;
        }
        while (left > 0) {
            int age = headAge - 22 - random.nextInt(14);
            if (age < 0) {
                members.add(
                        new String[] {"其他", String.valueOf(15 + random.nextInt(50)), random.nextBoolean() ? "M" : "F"});
            } else {
                members.add(new String[] {"子女", String.valueOf(age), random.nextBoolean() ? "M" : "F"});
            }
            left--;
        }
        for (String[] m : members) {
            int age = Integer.parseInt(m[1]);
            boolean male = m[2].equals("M");
            String name = names.next();
            if (m[0].equals("户主")) {
                surname = name.substring(0, 1);
            } else if (m[0].equals("子女") && headMale) {
                name = surname + name.substring(1);
            }
            LocalDate born = REFERENCE.minusYears(age).minusDays(random.nextInt(365));
            String id = idNumber(v.code().substring(0, 6), born, male);
            String phone = age >= 16 && random.nextInt(100) < 88 ? names.mobile() : "";
            List<String> tags = new ArrayList<>();
            if (size == 1 && age >= 60 && random.nextInt(100) < 90) {
                tags.add("独居老人");
            }
            if (age < 18 && random.nextInt(1000) < 8) {
                tags.add("困境儿童");
            }
            if (random.nextInt(1000) < (age >= 60 ? 90 : 35)) {
                tags.add("残疾人");
            }
            if (poor) {
                tags.add("低保");
            }
            if (age >= 18 && random.nextInt(1000) < 3) {
                tags.add("重点人员");
            }
            out.write(csv(
                    number,
                    m[0],
                    name,
                    id,
                    random.nextInt(3) == 0 ? born.format(DAY) : "",
                    "",
                    phone,
                    floating ? "流动" : "户籍",
                    String.join("、", tags),
                    address,
                    ""));
            persons++;
            if (age >= 25 && age <= 65 && adults.size() < 64) {
                adults.add(id);
            }
        }
    }

    private void organisationsOf(
            Village v,
            String place,
            boolean community,
            List<PreparedGeometry> grids,
            Writer addressFile,
            Writer orgFile,
            List<String> adults,
            int seq)
            throws IOException {
        int count = community ? 6 + random.nextInt(7) : 2 + random.nextInt(4);
        String county = v.code().substring(0, 6);
        for (int i = 0; i <= count; i++) {
            boolean social = i == count;
            Trade trade = TRADES[random.nextInt(TRADES.length)];
            String code = v.code() + "-" + String.format("%05d", ++seq);
            double[] p = pointIn(grids.get(random.nextInt(grids.size())));
            String road = social ? place + (community ? "社区服务中心" : "村委会") : place + (community ? "沿街商铺" : "商业街");
            String name = social
                    ? place + (random.nextBoolean() ? "老年人协会" : "红白理事会")
                    : place + FIRM_NAMES[random.nextInt(FIRM_NAMES.length)] + trade.ending();
            boolean factory = !social && trade.factory();
            addressFile.write(csv(
                    code,
                    road,
                    social ? "1号" : (i + 1) + "号",
                    null,
                    null,
                    null,
                    coordinate(p[0]),
                    coordinate(p[1]),
                    v.code(),
                    factory ? name + "厂房" : "",
                    factory ? String.valueOf(1 + random.nextInt(3)) : "",
                    factory ? "工业" : ""));
            addresses++;
            String tags = !social && trade.tagPercent() > random.nextInt(100) ? trade.tags() : "";
            orgFile.write(csv(
                    creditCode(social ? "51" : trade.type(), county),
                    name,
                    social ? "社会组织" : "企业",
                    social ? "社会组织" : trade.industry(),
                    code,
                    adults.isEmpty() ? "" : adults.get(random.nextInt(adults.size())),
                    tags));
            organisations++;
        }
    }

    private int size() {
        int r = random.nextInt(1000);
        for (int i = 0; i < SIZE_PER_MILLE.length; i++) {
            r -= SIZE_PER_MILLE[i];
            if (r < 0) {
                return i + 1;
            }
        }
        return SIZE_PER_MILLE.length;
    }

    /** A point inside the grid, drawn uniformly from its envelope until one falls inside. */
    private double[] pointIn(PreparedGeometry grid) {
        Envelope e = grid.getGeometry().getEnvelopeInternal();
        for (int i = 0; i < 1000; i++) {
            double lng = e.getMinX() + random.nextDouble() * e.getWidth();
            double lat = e.getMinY() + random.nextDouble() * e.getHeight();
            // the point as written to the file (6 decimals), so that it is inside as the importer reads it
            double x = Double.parseDouble(coordinate(lng));
            double y = Double.parseDouble(coordinate(lat));
            if (grid.containsProperly(geometry.createPoint(new Coordinate(x, y)))) {
                return new double[] {x, y};
            }
        }
        Coordinate c = grid.getGeometry().getInteriorPoint().getCoordinate();
        return new double[] {c.x, c.y};
    }

    /** A unique, well-formed ID number: mostly of the village's county, some born elsewhere in Dongying. */
    private String idNumber(String county, LocalDate born, boolean male) {
        String region = random.nextInt(100) < 85 ? county : DONGYING_COUNTIES[random.nextInt(DONGYING_COUNTIES.length)];
        for (int attempt = 0; ; attempt++) {
            int sequence = random.nextInt(100) * 10 + (male ? 1 + 2 * random.nextInt(5) : 2 * random.nextInt(5));
            String id = idNumber(region, born.plusDays(attempt / 50), sequence);
            if (idNumbers.add(id)) {
                return id;
            }
        }
    }

    /** The 18-character ID number with its MOD 11-2 check character (GB 11643). */
    public static String idNumber(String region6, LocalDate born, int sequence3) {
        String body = region6 + born.format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%03d", sequence3);
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * ID_WEIGHTS[i];
        }
        return body + ID_CHECK.charAt(sum % 11);
    }

    /** A unique unified social credit code of the type (91 company, 92 individual business, 51 social organisation). */
    private String creditCode(String type, String county) {
        while (true) {
            StringBuilder org = new StringBuilder();
            for (int i = 0; i < 8; i++) {
                org.append(CREDIT_CHARS.charAt(random.nextInt(CREDIT_CHARS.length())));
            }
            String code = creditCode(type + county + organisationCode(org.toString()));
            if (code != null && creditCodes.add(code)) {
                return code;
            }
        }
    }

    /** The organisation code (GB 11714) of eight characters with its check character; may give a character a credit code cannot hold. */
    private static String organisationCode(String eight) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += Character.digit(eight.charAt(i), 36) * ORG_WEIGHTS[i];
        }
        int c = 11 - sum % 11;
        return eight + (c == 10 ? "X" : c == 11 ? "0" : String.valueOf(c));
    }

    /** The 18-character code with its GB 32100 check character; null when the seventeen hold a character it cannot. */
    public static String creditCode(String seventeen) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int v = CREDIT_CHARS.indexOf(seventeen.charAt(i));
            if (v < 0) {
                return null;
            }
            sum += v * CREDIT_WEIGHTS[i];
        }
        return seventeen + CREDIT_CHARS.charAt((31 - sum % 31) % 31);
    }

    /** 花园社区居民委员会 → 花园; 王家村村民委员会 → 王家村. */
    private static String shortName(String village) {
        String n = village.replace("居民委员会", "")
                .replace("村民委员会", "")
                .replace("居委会", "")
                .replace("村委会", "");
        if (n.endsWith("社区")) {
            n = n.substring(0, n.length() - 2);
        }
        return n.isEmpty() ? village : n;
    }

    private static String coordinate(double d) {
        return String.format(java.util.Locale.ROOT, "%.6f", d);
    }

    private static String csv(String... cells) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                line.append(',');
            }
            String c = cells[i] == null ? "" : cells[i];
            if (c.indexOf(',') >= 0 || c.indexOf('"') >= 0) {
                line.append('"').append(c.replace("\"", "\"\"")).append('"');
            } else {
                line.append(c);
            }
        }
        return line.append("\r\n").toString();
    }
}
