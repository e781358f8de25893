package dev.propsops.drift.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static dev.propsops.drift.testdata.SampleQuantiles.flag;
import static dev.propsops.drift.testdata.SampleQuantiles.normal;
import static dev.propsops.drift.testdata.SampleQuantiles.sample;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The distribution maths on their own: CDFs read from quantiles, and PSI over the baseline's deciles. */
class QuantilesAndPsiTest {
    @Test
    void theCdfIsLinearBetweenQuantilesAndKeepsTheMassOfAnAtom() {
        double[] grid = new double[101];
        for (int i = 0; i <= 100; i++) {
            grid[i] = i; // uniform on [0, 100]
        }
        Quantiles uniform = new Quantiles(grid);
        assertThat(uniform.cdf(-1)).isZero();
        assertThat(uniform.cdf(25.5)).isCloseTo(0.255, within(1e-12));
        assertThat(uniform.cdf(100)).isEqualTo(1);
        assertThat(uniform.cdfBelow(25.5)).isCloseTo(0.255, within(1e-12));
        assertThat(uniform.median()).isEqualTo(50);

        Quantiles yesNo = flag(1, 0.3); // 70% zeros, 30% ones
        assertThat(yesNo.cdfBelow(0)).isZero();
        assertThat(yesNo.cdf(0)).isCloseTo(0.70, within(0.015));
        assertThat(yesNo.cdfBelow(1)).isCloseTo(0.71, within(0.015));
        assertThat(yesNo.cdf(1)).isEqualTo(1);
    }

    @Test
    void quantilesMustBeAscending() {
        assertThatThrownBy(() -> new Quantiles(new double[] { 1, 3, 2 })).hasMessageContaining("ascending");
        assertThatThrownBy(() -> new Quantiles(new double[] { 1, Double.NaN })).hasMessageContaining("ascending");
        assertThatThrownBy(() -> new Quantiles(new double[] { 1 })).hasMessageContaining("at least 2");
    }

    @Test
    void theSameDistributionGivesAPsiNearZero() {
        assertThat(Psi.of(normal(1, 15, 6), normal(2, 15, 6))).isLessThan(0.01);
        assertThat(Psi.of(flag(1, 0.5), flag(2, 0.5))).isLessThan(0.01);
    }

    @Test
    void aMeanShiftIsCaughtAndGrowsWithTheShift() {
        double small = Psi.of(normal(1, 15, 6), normal(2, 15 + 1.2, 6)); // 0.2 sd
        double large = Psi.of(normal(1, 15, 6), normal(2, 15 + 6, 6)); // 1 sd
        assertThat(small).isBetween(0.02, 0.1);
        assertThat(large).isGreaterThan(0.25);
        assertThat(Psi.of(normal(1, 15, 6), normal(2, 15, 12))).as("a wider spread is a shift too").isGreaterThan(0.25);
    }

    @Test
    void aFlagGoingFrom99To43PercentIsAShiftThoughEveryBaselineDecileIsOne() {
        Quantiles before = flag(1, 0.994);
        assertThat(before.at(0.1)).isEqualTo(1);
        assertThat(Psi.of(before, flag(2, 0.434))).isGreaterThan(1.0);
        assertThat(Psi.of(flag(1, 0.5), flag(2, 0.3))).isBetween(0.1, 0.25);
    }

    @Test
    void manySmallAtomsOfTheSameDistributionAreNotAShift() {
        // half-point prop lines: dozens of values holding 1-3% each
        SplittableRandom a = new SplittableRandom(1);
        SplittableRandom b = new SplittableRandom(2);
        Quantiles before = sample(6_000, () -> Math.max(0.5, Math.round((15 + 6 * a.nextGaussian()) * 2) / 2.0));
        Quantiles after = sample(6_000, () -> Math.max(0.5, Math.round((15 + 6 * b.nextGaussian()) * 2) / 2.0));
        assertThat(Psi.of(before, after)).isLessThan(0.03);
    }

    @Test
    void aConstantFeatureIsStableAndItsChangeIsCaught() {
        Quantiles zeros = new Quantiles(new double[101]);
        assertThat(Psi.of(zeros, zeros)).isZero();
        assertThat(Psi.of(zeros, flag(1, 0.5))).isGreaterThan(1.0);
    }
}
