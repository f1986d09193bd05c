package org.onegrid.incident;

import java.util.Random;
import org.onegrid.catalog.CatalogItemView;
import org.onegrid.region.GridView;

/** Plausible wording for the demo city's reports, results and callers. */
final class Texts {

    private static final String[] SURNAMES = {
        "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡", "郭"
    };
    private static final String[] GIVEN = {"建国", "秀英", "丽", "军", "海燕", "志强", "桂兰", "磊", "敏", "红梅", "伟", "淑珍", "涛", "玉兰"
    };
    private static final String[] WHERE = {"小区东门", "村委会西侧", "主街路口", "菜市场北侧", "学校门口", "3号楼下", "村南头", "文化广场"};
    private static final String[] ASKS = {"请尽快处理", "希望有关部门尽快解决", "已持续多日，影响生活", "请派人到现场查看"};
    private static final String[] DONE = {"已到现场处置完毕，问题已解决", "已责令当事人限期整改，复查已整改到位", "已协调相关单位完成维修", "已依法查处并教育当事人，现场恢复正常"};

    private Texts() {}

    static String report(CatalogItemView item, GridView grid, Random random) {
        String village = grid.name().replaceAll("第\\d+网格$", "");
        return village + WHERE[random.nextInt(WHERE.length)] + "：" + item.name() + "，"
                + ASKS[random.nextInt(ASKS.length)] + "。";
    }

    static String address(GridView grid, Random random) {
        return grid.name().replaceAll("第\\d+网格$", "") + WHERE[random.nextInt(WHERE.length)];
    }

    static String result(CatalogItemView item, Random random) {
        return item.name() + "：" + DONE[random.nextInt(DONE.length)] + "。";
    }

    static String name(Random random) {
        return SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)];
    }

    static String phone(Random random) {
        return "13" + (5 + random.nextInt(5)) + String.format("%08d", random.nextInt(100_000_000));
    }
}
