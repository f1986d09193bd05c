package org.onegrid.casework.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The scan's pacing: a long run yields half its time to people's requests; an ordinary minute's scan never waits. */
class PacerTests {

    long now;
    final List<Long> rests = new ArrayList<>();

    Pacer pacer(double share) {
        return new Pacer(share, () -> now, nanos -> {
            rests.add(nanos);
            now += nanos;
        });
    }

    @Test
    void anOrdinaryMinutesScanShorterThanASliceNeverRests() {
        Pacer pacer = pacer(0.5);
        for (int i = 0; i < 20; i++) {
            now += 2_000_000; // 20 marks of 2 ms: 40 ms in all
            pacer.done();
        }
        assertThat(rests).isEmpty();
    }

    @Test
    void aLongRunWorksAtMostItsShareOfTheTime() {
        Pacer pacer = pacer(0.5);
        long worked = 0;
        for (int i = 0; i < 10_000; i++) {
            now += 2_000_000;
            worked += 2_000_000;
            pacer.done();
        }
        assertThat(rests).isNotEmpty().allSatisfy(rest -> assertThat(rest).isEqualTo(Pacer.SLICE_NANOS));
        assertThat((double) worked / now).isBetween(0.49, 0.51);
        assertThat(pacer.rested()).isEqualTo(now - worked);
    }

    @Test
    void aQuarterShareRestsThreeTimesAsLongAsItWorks() {
        Pacer pacer = pacer(0.25);
        for (int i = 0; i < 1_000; i++) {
            now += 1_000_000;
            pacer.done();
        }
        assertThat((double) (now - pacer.rested()) / now).isBetween(0.24, 0.26);
    }

    @Test
    void theWholeShareNeverRests() {
        Pacer pacer = pacer(1);
        for (int i = 0; i < 1_000; i++) {
            now += 5_000_000;
            pacer.done();
        }
        assertThat(rests).isEmpty();
    }

    @Test
    void aShareOutsideZeroToOneIsRefusedWithItsSettingNamed() {
        assertThatThrownBy(() -> Pacer.checked(0, "onegrid.incident.scan-share"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("onegrid.incident.scan-share");
        assertThatThrownBy(() -> pacer(1.5)).hasMessageContaining("not 1.5");
    }
}
