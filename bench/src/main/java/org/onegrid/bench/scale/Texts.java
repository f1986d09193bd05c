package org.onegrid.bench.scale;

/** Short texts for generated reports: what a reporter says, where, and who calls the hotline. */
final class Texts {

    static final String[] REPORTS = {
        "群众反映，请尽快处理", "网格巡查发现", "多次出现，影响周边居民", "现场拍照取证", "夜间尤为严重", "已持续数日",
    };

    static final String[] ADDRESSES = {"东侧路口", "北门附近", "3号楼前", "菜市场旁", "小区南门", "沿街商铺前"};

    static final String[] NAMES = {"张先生", "王女士", "李先生", "刘女士", "陈先生", "杨女士", "赵先生", "黄女士"};

    private Texts() {}
}
