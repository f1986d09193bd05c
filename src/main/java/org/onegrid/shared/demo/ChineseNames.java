package org.onegrid.shared.demo;

import java.util.List;
import java.util.Random;

/**
 * Plausible, made-up Chinese names and mobile numbers for the demo city's accounts and its synthetic registry; the
 * same seed gives the same people on every machine.
 */
public final class ChineseNames {

    /** The most common surnames first: they are drawn more often. */
    private static final List<String> COMMON_SURNAMES =
            List.of("王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "罗");

    private static final List<String> OTHER_SURNAMES = List.of(
            "梁", "宋", "郑", "谢", "韩", "唐", "冯", "于", "董", "萧", "程", "曹", "袁", "邓", "许", "傅", "沈", "曾", "彭", "吕", "苏",
            "卢", "蒋", "蔡", "贾", "丁", "魏", "薛", "叶", "阎", "崔", "杜", "任", "姜", "范", "石", "姚", "谭", "廖", "邹", "孟", "秦",
            "田", "韦", "陶", "尹", "庞", "耿", "牛", "侯");

    private static final String GIVEN =
            "伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚桂英华玉兰萍红建国文辉鹏飞宇浩然晓东海燕丹宁欣怡佳琪志新春梅振兴立成德永庆凤云" + "雪峰亮波斌俊杰子涵思雨梓轩博文嘉怡雅婷晨阳瑞光荣昌福禄家兴";

    private static final List<String> MOBILE_PREFIXES = List.of(
            "130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152", "153", "155", "156",
            "157", "158", "159", "166", "176", "177", "178", "180", "181", "182", "183", "185", "186", "187", "188",
            "189", "199");

    private final Random random;

    public ChineseNames(long seed) {
        this.random = new Random(seed);
    }

    public String next() {
        String surname = random.nextInt(10) < 7
                ? COMMON_SURNAMES.get(random.nextInt(COMMON_SURNAMES.size()))
                : OTHER_SURNAMES.get(random.nextInt(OTHER_SURNAMES.size()));
        StringBuilder name = new StringBuilder(surname).append(given());
        if (random.nextInt(3) > 0) {
            name.append(given());
        }
        return name.toString();
    }

    public String mobile() {
        StringBuilder phone = new StringBuilder(MOBILE_PREFIXES.get(random.nextInt(MOBILE_PREFIXES.size())));
        for (int i = 0; i < 8; i++) {
            phone.append(random.nextInt(10));
        }
        return phone.toString();
    }

    /** True with the given probability, from the same sequence. */
    public boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    private char given() {
        return GIVEN.charAt(random.nextInt(GIVEN.length()));
    }
}
