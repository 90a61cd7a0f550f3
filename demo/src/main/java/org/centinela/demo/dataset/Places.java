package org.centinela.demo.dataset;

import java.util.Map;

/** Rough centres (latitude, longitude) of Peru's regions and how far around them the demo scatters incidents. */
final class Places {

    record Centre(double latitude, double longitude, double spread) {
    }

    static final Map<String, Centre> CENTRES = Map.ofEntries(
            Map.entry("PE-AMA", new Centre(-5.5, -78.0, 0.6)),
            Map.entry("PE-ANC", new Centre(-9.4, -77.6, 0.5)),
            Map.entry("PE-APU", new Centre(-14.0, -73.0, 0.4)),
            Map.entry("PE-ARE", new Centre(-15.8, -72.5, 0.6)),
            Map.entry("PE-AYA", new Centre(-13.6, -74.2, 0.6)),
            Map.entry("PE-CAJ", new Centre(-6.6, -78.6, 0.5)),
            Map.entry("PE-CAL", new Centre(-12.05, -77.12, 0.03)),
            Map.entry("PE-CUS", new Centre(-13.3, -72.0, 0.6)),
            Map.entry("PE-HUC", new Centre(-9.4, -75.9, 0.5)),
            Map.entry("PE-HUV", new Centre(-12.9, -75.0, 0.4)),
            Map.entry("PE-ICA", new Centre(-14.3, -75.6, 0.4)),
            Map.entry("PE-JUN", new Centre(-11.5, -74.9, 0.6)),
            Map.entry("PE-LAL", new Centre(-8.0, -78.4, 0.5)),
            Map.entry("PE-LAM", new Centre(-6.5, -79.8, 0.3)),
            Map.entry("PE-LIM", new Centre(-11.5, -76.7, 0.4)),
            Map.entry("PE-LMA", new Centre(-12.05, -77.03, 0.1)),
            Map.entry("PE-LOR", new Centre(-4.5, -74.5, 1.5)),
            Map.entry("PE-MDD", new Centre(-12.0, -70.5, 0.8)),
            Map.entry("PE-MOQ", new Centre(-16.9, -70.9, 0.3)),
            Map.entry("PE-PAS", new Centre(-10.4, -75.5, 0.4)),
            Map.entry("PE-PIU", new Centre(-5.2, -80.4, 0.4)),
            Map.entry("PE-PUN", new Centre(-15.0, -70.0, 0.7)),
            Map.entry("PE-SAM", new Centre(-7.0, -76.7, 0.6)),
            Map.entry("PE-TAC", new Centre(-17.6, -70.3, 0.3)),
            Map.entry("PE-TUM", new Centre(-3.8, -80.5, 0.15)),
            Map.entry("PE-UCA", new Centre(-9.5, -73.5, 1.0)));

    private Places() {
    }
}
