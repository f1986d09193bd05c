package org.onegrid.shared.privacy;

import cn.hutool.core.util.DesensitizedUtil;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The platform's one home for masking personal data (PIPL) for display. {@link #masked(String)} masks the phone and ID
 * numbers inside a free text before it is published: residents write them into descriptions ("请联系我 13812345678"),
 * and handlers into results. Mobile numbers keep their first three and last four digits ({@code 138****5678}, as the
 * platform shows phones everywhere), landlines their area code and last four, ID card numbers (居民身份证号, 18 or 15
 * characters) their first and last character. The field maskers ({@link #idNumber}, {@link #phone}, {@link #name},
 * {@link #address}) mask one value known to be of that kind, as the registry shows a person by default.
 */
public final class PersonalNumbers {

    private static final Pattern ID_CARD = Pattern.compile(
            "(?<![0-9A-Za-z])[1-9]\\d{5}(?:18|19|20)\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])\\d{3}[0-9Xx]"
                    + "(?![0-9A-Za-z])"
                    + "|(?<!\\d)[1-9]\\d{7}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])\\d{3}(?!\\d)");
    private static final Pattern MOBILE = Pattern.compile("(?<!\\d)(\\+?86[- ]?)?(1[3-9]\\d)(\\d{4})(\\d{4})(?!\\d)");
    private static final Pattern LANDLINE = Pattern.compile("(?<!\\d)(0\\d{2,3})([- ]?)(\\d{3,4})(\\d{4})(?!\\d)");

    /**
     * A name said with how to address the person or introduced as one: 我叫张三, 联系人：李四, 王先生, 赵阿姨. Two to three
     * characters after an introduction; one (the surname) before a form of address.
     */
    private static final Pattern NAMED = Pattern.compile(
            "(我叫|联系人|姓名|报告人|来电人)([:：\\s]{0,2})[\\u4e00-\\u9fa5]{2,3}" + "|[\\u4e00-\\u9fa5](?:先生|女士|小姐|大爷|大妈|阿姨)");

    private PersonalNumbers() {}

    /**
     * The text with its personal data replaced by what kind it was: ID numbers by {@code 〔证件号〕}, phone numbers by
     * {@code 〔电话〕}, names introduced as such or said with a form of address by {@code 〔姓名〕}. For text that is
     * kept to learn from (智能分拨's labelled examples) rather than shown: nothing of the person is left in it.
     */
    public static String withoutPersonalData(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = replace(ID_CARD, text, m -> "〔证件号〕");
        out = replace(MOBILE, out, m -> "〔电话〕");
        out = replace(LANDLINE, out, m -> "〔电话〕");
        return replace(NAMED, out, m -> m.group(1) != null ? m.group(1) + m.group(2) + "〔姓名〕" : "〔姓名〕");
    }

    /** The text with every phone and ID number in it masked; null stays null. */
    public static String masked(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = replace(ID_CARD, text, m -> {
            String id = m.group();
            return id.charAt(0) + "*".repeat(id.length() - 2) + id.charAt(id.length() - 1);
        });
        out = replace(MOBILE, out, m -> (m.group(1) == null ? "" : m.group(1)) + m.group(2) + "****" + m.group(4));
        return replace(
                LANDLINE,
                out,
                m -> m.group(1) + m.group(2) + "*".repeat(m.group(3).length()) + m.group(4));
    }

    /** An ID number with its region's first three and its last four characters: {@code 370***********1234}. */
    public static String idNumber(String id) {
        if (id == null || id.isEmpty()) {
            return id;
        }
        if (id.length() < 8) {
            return "*".repeat(id.length());
        }
        return DesensitizedUtil.idCardNum(id, 3, 4);
    }

    /** A phone number with its first three and last four digits: {@code 138****5678}. */
    public static String phone(String phone) {
        if (phone == null) {
            return null;
        }
        if (phone.length() < 8) {
            return "*".repeat(phone.length());
        }
        return phone.substring(0, 3) + "*".repeat(phone.length() - 7) + phone.substring(phone.length() - 4);
    }

    /** A person's name with only its surname: {@code 张*}, {@code 欧阳**}. */
    public static String name(String name) {
        if (name == null || name.isEmpty()) {
            return name;
        }
        return DesensitizedUtil.chineseName(name);
    }

    /** An address with its last eight characters (building, unit, room) hidden. */
    public static String address(String address) {
        if (address == null || address.isEmpty()) {
            return address;
        }
        return DesensitizedUtil.address(address, Math.min(8, address.length()));
    }

    private static String replace(Pattern pattern, String text, Function<Matcher, String> mask) {
        Matcher m = pattern.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(mask.apply(m)));
        }
        m.appendTail(out);
        return out.toString();
    }
}
