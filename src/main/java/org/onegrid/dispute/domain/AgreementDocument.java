package org.onegrid.dispute.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The agreement document 调解协议书 in Chinese, as one self-contained HTML page: the parties, the facts, the terms,
 * the performance due day, the signatures. Written once when the agreement is reached and stored unchanged; its
 * SHA-256 is in the case's history. Identity numbers appear masked: the signed paper copy carries the full ones.
 */
public final class AgreementDocument {

    private AgreementDocument() {}

    /** One party as the document names them. */
    public record Named(Side side, String name, String maskedIdentity, boolean organisation) {}

    public static String render(
            String caseNumber,
            Body body,
            String typeName,
            List<Named> parties,
            Agreement a,
            String mediatorName,
            LocalDate signedOn) {
        boolean peoples = body.kind().peoples();
        String title = peoples ? "人民调解协议书" : "调解协议书";
        StringBuilder h = new StringBuilder(4096);
        h.append("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"UTF-8\"><title>")
                .append(esc(title))
                .append(" ")
                .append(esc(caseNumber))
                .append(
                        "</title>\n<style>body{font-family:\"SimSun\",\"Songti SC\",serif;max-width:46em;margin:2em auto;")
                .append("line-height:1.9;font-size:16px;color:#000}h1{text-align:center;letter-spacing:.3em}")
                .append(".no{text-align:right}.sig{display:flex;flex-wrap:wrap;gap:2em 4em;margin-top:2em}")
                .append(".sig div{min-width:14em}@media print{body{margin:0}}</style></head>\n<body>\n");
        h.append("<h1>").append(esc(title)).append("</h1>\n");
        h.append("<p class=\"no\">编号：").append(esc(caseNumber)).append("</p>\n");
        for (Side side : Side.values()) {
            for (Named p : parties) {
                if (p.side() == side) {
                    h.append("<p>")
                            .append(side.label())
                            .append("：")
                            .append(esc(p.name()))
                            .append("，")
                            .append(p.organisation() ? "统一社会信用代码 " : "居民身份证号 ")
                            .append(esc(p.maskedIdentity()))
                            .append("</p>\n");
                }
            }
        }
        h.append("<p>纠纷类型：").append(esc(typeName)).append("</p>\n");
        h.append("<h2>纠纷主要事实、争议事项</h2>\n<p>").append(esc(a.facts().strip())).append("</p>\n");
        h.append("<p>经").append(esc(body.name())).append("调解，双方当事人自愿达成如下协议：</p>\n<ol>\n");
        for (String term : a.terms()) {
            h.append("<li>").append(esc(term)).append("</li>\n");
        }
        h.append("</ol>\n");
        if (a.amount() != null) {
            h.append("<p>协议金额：人民币 ").append(yuan(a.amount())).append(" 元。</p>\n");
        }
        h.append("<p>履行方式、期限：上述协议内容于 ").append(day(a.performBy())).append("前履行完毕。</p>\n");
        if (a.partial()) {
            h.append("<p>未达成协议部分：")
                    .append(esc(a.remainder().strip()))
                    .append("，由当事人依法申请")
                    .append(a.remainderReferredTo().label())
                    .append("。</p>\n");
        }
        h.append("<p>本协议经双方当事人签名（盖章）、调解员签名并加盖")
                .append(esc(body.name()))
                .append("印章后生效。")
                .append(
                        peoples
                                ? "依照《中华人民共和国人民调解法》，经人民调解委员会调解达成的调解协议具有法律约束力，当事人应当按照约定履行；"
                                        + "双方当事人可以自调解协议生效之日起三十日内共同向人民法院申请司法确认。"
                                : "")
                .append("本协议一式")
                .append(parties.size() + 1)
                .append("份，当事人各执一份，调解组织留存一份。</p>\n");
        h.append("<div class=\"sig\">\n");
        for (Named p : parties) {
            h.append("<div>")
                    .append(p.side().label())
                    .append("（签名/盖章）：")
                    .append(esc(p.name()))
                    .append("</div>\n");
        }
        h.append("<div>调解员（签名）：").append(esc(mediatorName)).append("</div>\n");
        h.append("<div>")
                .append(esc(body.name()))
                .append("（印章）</div>\n</div>\n<p class=\"no\">")
                .append(day(signedOn))
                .append("</p>\n</body></html>\n");
        return h.toString();
    }

    static String day(LocalDate d) {
        return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }

    static String yuan(BigDecimal amount) {
        return String.format("%,.2f", amount);
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
