package org.onegrid.suggest.model;

import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.Viterbi.ViterbiSegment;
import com.hankcs.hanlp.seg.common.Term;
import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.onegrid.shared.privacy.PersonalNumbers;

/**
 * What the classifier sees of a text: its personal data removed first, full-width forms folded, digits run together,
 * then the character 1- to 3-grams of every run of letters and digits (unseen wordings still share characters with
 * seen ones), and the words HanLP's segmenter finds (so that 油烟 in 油烟机 and in 一股油烟 count alike). Binary: a
 * feature is present or not.
 */
public final class Features {

    /** The longest text looked at: what a complaint says that matters is in its first sentences. */
    public static final int MAX_CHARACTERS = 500;

    private static final Segment SEGMENT = new ViterbiSegment()
            .enablePartOfSpeechTagging(false)
            .enableNameRecognize(false)
            .enablePlaceRecognize(false)
            .enableOrganizationRecognize(false)
            .enableCustomDictionary(true);

    private Features() {}

    /** The text as it may be stored and learnt from: no phone or ID numbers, no names said as such. */
    public static String clean(String text) {
        return text == null ? "" : PersonalNumbers.withoutPersonalData(text.strip());
    }

    /** The distinct features of {@code text}, in the order found. */
    public static Set<String> of(String text) {
        String normal = normalise(clean(text));
        Set<String> out = new LinkedHashSet<>();
        int start = -1;
        for (int i = 0; i <= normal.length(); i++) {
            boolean word = i < normal.length() && isWordChar(normal.charAt(i));
            if (word && start < 0) {
                start = i;
            } else if (!word && start >= 0) {
                grams(normal, start, i, out);
                start = -1;
            }
        }
        if (!normal.isBlank()) {
            List<Term> terms = SEGMENT.seg(normal);
            for (Term term : terms) {
                String w = term.word;
                if (w.length() >= 2 && isWordChar(w.charAt(0))) {
                    out.add("w" + w);
                }
            }
        }
        return out;
    }

    /** Folded, lower-cased, digit runs as one {@code 0}, cut to {@value #MAX_CHARACTERS} characters. */
    static String normalise(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(java.util.Locale.ROOT);
        StringBuilder out = new StringBuilder(Math.min(folded.length(), MAX_CHARACTERS));
        boolean digits = false;
        for (int i = 0; i < folded.length() && out.length() < MAX_CHARACTERS; i++) {
            char c = folded.charAt(i);
            if (c >= '0' && c <= '9') {
                if (!digits) {
                    out.append('0');
                }
                digits = true;
            } else {
                out.append(c);
                digits = false;
            }
        }
        return out.toString();
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '〔' || c == '〕';
    }

    private static void grams(String s, int from, int to, Set<String> out) {
        for (int i = from; i < to; i++) {
            out.add(s.substring(i, i + 1));
            if (i + 2 <= to) {
                out.add(s.substring(i, i + 2));
            }
            if (i + 3 <= to) {
                out.add(s.substring(i, i + 3));
            }
        }
    }
}
