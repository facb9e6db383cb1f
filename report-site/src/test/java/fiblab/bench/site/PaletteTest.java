package fiblab.bench.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every pair of the site's series colours stays distinguishable for readers with the two common
 * red-green colour-vision deficiencies: after simulating deuteranopia and protanopia (Machado,
 * Oliveira and Fernandes 2009, severity 1.0, applied in linear sRGB) the two colours are still at
 * least {@link #MIN_DELTA_E} apart in CIEDE2000. For scale: ΔE00 ≈ 2 is a just-noticeable difference
 * side by side; 10 keeps two thin lines or small legend swatches apart at a glance.
 */
class PaletteTest {

    static final double MIN_DELTA_E = 10.0;

    static final double[][] DEUTERANOPIA = {
        {0.367322, 0.860646, -0.227968}, {0.280085, 0.672501, 0.047413}, {-0.011820, 0.042940, 0.968881}
    };
    static final double[][] PROTANOPIA = {
        {0.152286, 1.052583, -0.204868}, {0.114503, 0.786281, 0.099216}, {-0.003882, -0.048116, 1.051998}
    };

    @Test
    void palette_shouldKeepEveryPairApart_underDeuteranopiaAndProtanopia() throws IOException {
        Map<String, String> palette = palette();
        assertThat(palette).hasSizeGreaterThanOrEqualTo(12);
        List<String> tooClose = new ArrayList<>();
        List<String> names = new ArrayList<>(palette.keySet());
        for (int i = 0; i < names.size(); i++) {
            for (int j = i + 1; j < names.size(); j++) {
                double[] a = rgb(palette.get(names.get(i)));
                double[] b = rgb(palette.get(names.get(j)));
                for (Map.Entry<String, double[][]> cvd : Map.of(
                                "normal", identity(), "deuteranopia", DEUTERANOPIA, "protanopia", PROTANOPIA)
                        .entrySet()) {
                    double dE = deltaE2000(lab(simulate(a, cvd.getValue())), lab(simulate(b, cvd.getValue())));
                    if (dE < MIN_DELTA_E) {
                        tooClose.add(String.format(
                                java.util.Locale.ROOT,
                                "%s/%s %s ΔE00=%.1f",
                                names.get(i),
                                names.get(j),
                                cvd.getKey(),
                                dE));
                    }
                }
            }
        }
        assertThat(tooClose).as("pairs closer than ΔE00 %s", MIN_DELTA_E).isEmpty();
    }

    @Test
    void check_shouldFail_forRedAndGreenThatDeuteranopesConfuse() {
        // The old page's inline blue-green against async orange-red kind of pair: a red and a green of equal lightness
        double[] red = rgb("#D55E00");
        double[] green = rgb("#7A9A01");
        double normal = deltaE2000(lab(red), lab(green));
        double deutan = deltaE2000(lab(simulate(red, DEUTERANOPIA)), lab(simulate(green, DEUTERANOPIA)));
        assertThat(normal).isGreaterThan(MIN_DELTA_E);
        assertThat(deutan).isLessThan(MIN_DELTA_E);
    }

    /** The PALETTE block of common.js, the one place the page's colours are defined. */
    static Map<String, String> palette() throws IOException {
        String js = SiteGenerator.resource("fiblab/bench/site/common.js");
        String block = js.substring(js.indexOf("// palette:start"), js.indexOf("// palette:end"));
        Map<String, String> colours = new LinkedHashMap<>();
        Matcher m = Pattern.compile("(\\w+): '(#[0-9A-Fa-f]{6})'").matcher(block);
        while (m.find()) {
            colours.put(m.group(1), m.group(2));
        }
        return colours;
    }

    static double[][] identity() {
        return new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
    }

    static double[] rgb(String hex) {
        return new double[] {
            Integer.parseInt(hex.substring(1, 3), 16),
            Integer.parseInt(hex.substring(3, 5), 16),
            Integer.parseInt(hex.substring(5, 7), 16)
        };
    }

    static double toLinear(double c) {
        c /= 255;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    static double fromLinear(double c) {
        c = Math.min(1, Math.max(0, c));
        return 255 * (c <= 0.0031308 ? 12.92 * c : 1.055 * Math.pow(c, 1 / 2.4) - 0.055);
    }

    static double[] simulate(double[] rgb, double[][] m) {
        double[] lin = {toLinear(rgb[0]), toLinear(rgb[1]), toLinear(rgb[2])};
        double[] out = new double[3];
        for (int i = 0; i < 3; i++) {
            out[i] = fromLinear(m[i][0] * lin[0] + m[i][1] * lin[1] + m[i][2] * lin[2]);
        }
        return out;
    }

    /** sRGB (0-255) to CIELAB under D65. */
    static double[] lab(double[] rgb) {
        double r = toLinear(rgb[0]), g = toLinear(rgb[1]), b = toLinear(rgb[2]);
        double x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
        double y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
        double z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
        double fx = f(x), fy = f(y), fz = f(z);
        return new double[] {116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)};
    }

    private static double f(double t) {
        return t > 216.0 / 24389 ? Math.cbrt(t) : (24389.0 / 27 * t + 16) / 116;
    }

    /** CIEDE2000 (Sharma, Wu and Dalal 2005), kL = kC = kH = 1. */
    static double deltaE2000(double[] lab1, double[] lab2) {
        double l1 = lab1[0], a1 = lab1[1], b1 = lab1[2], l2 = lab2[0], a2 = lab2[1], b2 = lab2[2];
        double cBar = (Math.hypot(a1, b1) + Math.hypot(a2, b2)) / 2;
        double g = 0.5 * (1 - Math.sqrt(Math.pow(cBar, 7) / (Math.pow(cBar, 7) + Math.pow(25, 7))));
        double a1p = (1 + g) * a1, a2p = (1 + g) * a2;
        double c1p = Math.hypot(a1p, b1), c2p = Math.hypot(a2p, b2);
        double h1p = hue(b1, a1p), h2p = hue(b2, a2p);
        double dLp = l2 - l1, dCp = c2p - c1p;
        double dhp = 0;
        if (c1p * c2p != 0) {
            dhp = h2p - h1p;
            if (dhp > 180) dhp -= 360;
            else if (dhp < -180) dhp += 360;
        }
        double dHp = 2 * Math.sqrt(c1p * c2p) * Math.sin(Math.toRadians(dhp / 2));
        double lBarP = (l1 + l2) / 2, cBarP = (c1p + c2p) / 2;
        double hBarP = h1p + h2p;
        if (c1p * c2p != 0) {
            hBarP = Math.abs(h1p - h2p) > 180 ? (h1p + h2p + (h1p + h2p < 360 ? 360 : -360)) / 2 : (h1p + h2p) / 2;
        }
        double t = 1
                - 0.17 * Math.cos(Math.toRadians(hBarP - 30))
                + 0.24 * Math.cos(Math.toRadians(2 * hBarP))
                + 0.32 * Math.cos(Math.toRadians(3 * hBarP + 6))
                - 0.20 * Math.cos(Math.toRadians(4 * hBarP - 63));
        double dTheta = 30 * Math.exp(-Math.pow((hBarP - 275) / 25, 2));
        double rc = 2 * Math.sqrt(Math.pow(cBarP, 7) / (Math.pow(cBarP, 7) + Math.pow(25, 7)));
        double sl = 1 + 0.015 * Math.pow(lBarP - 50, 2) / Math.sqrt(20 + Math.pow(lBarP - 50, 2));
        double sc = 1 + 0.045 * cBarP, sh = 1 + 0.015 * cBarP * t;
        double rt = -Math.sin(Math.toRadians(2 * dTheta)) * rc;
        return Math.sqrt(
                Math.pow(dLp / sl, 2) + Math.pow(dCp / sc, 2) + Math.pow(dHp / sh, 2) + rt * (dCp / sc) * (dHp / sh));
    }

    private static double hue(double b, double ap) {
        if (b == 0 && ap == 0) return 0;
        double h = Math.toDegrees(Math.atan2(b, ap));
        return h < 0 ? h + 360 : h;
    }

    @Test
    void deltaE2000_shouldMatchSharmasPublishedPairs() {
        // Two rows of the test data published with Sharma, Wu and Dalal (2005)
        assertThat(deltaE2000(new double[] {50, 2.6772, -79.7751}, new double[] {50, 0, -82.7485}))
                .isCloseTo(2.0425, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(deltaE2000(new double[] {50, 2.5, 0}, new double[] {73, 25, -18}))
                .isCloseTo(27.1492, org.assertj.core.data.Offset.offset(1e-4));
    }
}
