package org.onegrid.registry.domain;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Phone numbers, checked against China's numbering plan with Google's libphonenumber: mobiles and landlines (with
 * area code), written with or without {@code +86}, spaces or dashes. Stored and indexed in one form, the national
 * number's digits ({@code 13812345678}, {@code 5468881234} for 0546-8881234), so a look-up finds it however it was
 * written.
 */
public final class Phones {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    /**
     * Whether the mobile numbers of a block 号段 (the first seven digits, which is where the numbering plan draws its
     * lines) are valid, as libphonenumber answered for the block's first number. Parsing costs tens of microseconds;
     * a bulk import checks millions of mobiles of a few thousand blocks.
     */
    private static final Map<String, Boolean> MOBILE_BLOCKS = new ConcurrentHashMap<>();

    private static final int MAX_BLOCKS = 50_000;

    private Phones() {}

    /** Every violation of the number; an absent number is none (a phone is optional). */
    public static List<Violation> check(String field, String phone) {
        if (phone == null || phone.isBlank()) {
            return List.of();
        }
        if (isPlainMobile(phone)) {
            return validBlock(phone.strip())
                    ? List.of()
                    : List.of(new Violation(field, "phone.invalid", "不是有效的中国大陆电话号码：" + phone.strip()));
        }
        PhoneNumber parsed = parse(phone);
        if (parsed == null) {
            return List.of(new Violation(field, "phone.form", "电话号码无法识别：" + phone.strip()));
        }
        if (!UTIL.isValidNumberForRegion(parsed, "CN")) {
            return List.of(new Violation(field, "phone.invalid", "不是有效的中国大陆电话号码：" + phone.strip()));
        }
        return List.of();
    }

    /** The national number's digits of a valid number; null for none or an invalid one. */
    public static String normalised(String phone) {
        if (phone == null || phone.isBlank()) {
            return null;
        }
        if (isPlainMobile(phone)) {
            return validBlock(phone.strip()) ? phone.strip() : null;
        }
        PhoneNumber parsed = parse(phone);
        if (parsed == null || !UTIL.isValidNumberForRegion(parsed, "CN")) {
            return null;
        }
        return String.valueOf(parsed.getNationalNumber());
    }

    /** Eleven digits starting with 1, nothing else: a mobile number as most people write it. */
    private static boolean isPlainMobile(String phone) {
        String p = phone.strip();
        if (p.length() != 11 || p.charAt(0) != '1') {
            return false;
        }
        for (int i = 1; i < 11; i++) {
            if (p.charAt(i) < '0' || p.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean validBlock(String mobile) {
        String block = mobile.substring(0, 7);
        Boolean known = MOBILE_BLOCKS.get(block);
        if (known != null) {
            return known;
        }
        PhoneNumber parsed = parse(block + "0000");
        boolean valid = parsed != null && UTIL.isValidNumberForRegion(parsed, "CN");
        // the blocks in use are a few thousand; numbers made up by a caller must not grow the map without end
        if (MOBILE_BLOCKS.size() < MAX_BLOCKS) {
            MOBILE_BLOCKS.put(block, valid);
        }
        return valid;
    }

    private static PhoneNumber parse(String phone) {
        try {
            return UTIL.parse(phone.strip(), "CN");
        } catch (NumberParseException e) {
            return null;
        }
    }
}
