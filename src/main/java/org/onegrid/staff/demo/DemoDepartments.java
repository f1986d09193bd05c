package org.onegrid.staff.demo;

import java.util.List;

/**
 * The functional departments 职能部门 of the demo city: a typical set for a Chinese prefecture city, each with a
 * short code shared by the city department and its county branches. Names are built from the city's and county's
 * names, so another city gets the same set under its own names.
 */
final class DemoDepartments {

    private DemoDepartments() {}

    /**
     * @param code the short code (pinyin), e.g. {@code chengguan}
     * @param city the city department's name; {@code {city}} is the city's name (东营市)
     * @param county a county branch's name, or null when the department has no county branches; {@code {county}}
     *     is the county's name (广饶县), {@code {short}} the county's name without 区/县 (广饶)
     * @param district for departments named differently in a 区 than in a 县 (公安分局), the branch name in a 区
     */
    record Department(String code, String city, String county, String district) {

        String cityName(String cityName) {
            return city.replace("{city}", cityName);
        }

        String branchName(String cityName, String countyName) {
            String template = district != null && countyName.endsWith("区") ? district : county;
            String shortName = countyName.length() > 2 && (countyName.endsWith("区") || countyName.endsWith("县"))
                    ? countyName.substring(0, countyName.length() - 1)
                    : countyName;
            return template.replace("{city}", cityName)
                    .replace("{county}", countyName)
                    .replace("{short}", shortName);
        }
    }

    static final List<Department> ALL = List.of(
            new Department("chengguan", "{city}城管执法局", "{county}城管执法局", null),
            new Department("huanbao", "{city}生态环境局", "{city}生态环境局{short}分局", null),
            new Department("shichang", "{city}市场监督管理局", "{county}市场监督管理局", null),
            new Department("zhujian", "{city}住房和城乡建设局", "{county}住房和城乡建设局", null),
            new Department("gongan", "{city}公安局", "{county}公安局", "{city}公安局{short}分局"),
            new Department("renshe", "{city}人力资源和社会保障局", "{county}人力资源和社会保障局", null),
            new Department("sifa", "{city}司法局", "{county}司法局", null),
            new Department("xinfang", "{city}信访局", "{county}信访局", null),
            new Department("yingji", "{city}应急管理局", "{county}应急管理局", null),
            new Department("weijian", "{city}卫生健康委员会", "{county}卫生健康局", null),
            new Department("jiaoyu", "{city}教育局", "{county}教育和体育局", null),
            new Department("jiaotong", "{city}交通运输局", "{county}交通运输局", null),
            new Department("shuiwu", "{city}水务局", "{county}水务局", null),
            new Department("ziran", "{city}自然资源和规划局", "{city}自然资源和规划局{short}分局", null),
            new Department("minzheng", "{city}民政局", "{county}民政局", null),
            new Department("xiaofang", "{city}消防救援支队", "{county}消防救援大队", null),
            new Department("nongye", "{city}农业农村局", "{county}农业农村局", null),
            new Department("wenlv", "{city}文化和旅游局", "{county}文化和旅游局", null),
            new Department("shangwu", "{city}商务局", "{county}商务局", null),
            new Department("fagai", "{city}发展和改革委员会", "{county}发展和改革局", null),
            new Department("caizheng", "{city}财政局", "{county}财政局", null),
            new Department("tuijun", "{city}退役军人事务局", "{county}退役军人事务局", null),
            new Department("yibao", "{city}医疗保障局", "{city}医疗保障局{short}分局", null),
            new Department("zhifa", "{city}综合行政执法支队", "{county}综合行政执法大队", null),
            new Department("gongdian", "国网{city}供电公司", "国网{county}供电公司", null),
            new Department("gongshui", "{city}供水集团", null, null),
            new Department("ranqi", "{city}燃气集团", null, null));
}
