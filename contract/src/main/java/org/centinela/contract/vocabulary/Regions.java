package org.centinela.contract.vocabulary;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ISO 3166-2 regions of the countries Centinela knows. A deployment serves one country
 * ({@code centinela.country}, Peru by default); every service validates and breaks down by the same list.
 */
public final class Regions {

    private static final Map<String, List<Region>> BY_COUNTRY = Map.of("PE", List.of(
            new Region("PE-AMA", "Amazonas"),
            new Region("PE-ANC", "Áncash"),
            new Region("PE-APU", "Apurímac"),
            new Region("PE-ARE", "Arequipa"),
            new Region("PE-AYA", "Ayacucho"),
            new Region("PE-CAJ", "Cajamarca"),
            new Region("PE-CAL", "El Callao"),
            new Region("PE-CUS", "Cusco"),
            new Region("PE-HUC", "Huánuco"),
            new Region("PE-HUV", "Huancavelica"),
            new Region("PE-ICA", "Ica"),
            new Region("PE-JUN", "Junín"),
            new Region("PE-LAL", "La Libertad"),
            new Region("PE-LAM", "Lambayeque"),
            new Region("PE-LIM", "Lima"),
            new Region("PE-LMA", "Lima Metropolitana"),
            new Region("PE-LOR", "Loreto"),
            new Region("PE-MDD", "Madre de Dios"),
            new Region("PE-MOQ", "Moquegua"),
            new Region("PE-PAS", "Pasco"),
            new Region("PE-PIU", "Piura"),
            new Region("PE-PUN", "Puno"),
            new Region("PE-SAM", "San Martín"),
            new Region("PE-TAC", "Tacna"),
            new Region("PE-TUM", "Tumbes"),
            new Region("PE-UCA", "Ucayali")));

    private final String country;
    private final Map<String, Region> byCode;

    private Regions(String country, List<Region> regions) {
        this.country = country;
        Map<String, Region> map = new LinkedHashMap<>();
        regions.forEach(region -> map.put(region.code(), region));
        this.byCode = Collections.unmodifiableMap(map);
    }

    /** The regions of {@code country} (ISO 3166-1 alpha-2); fails for a country Centinela has no list for. */
    public static Regions of(String country) {
        List<Region> regions = BY_COUNTRY.get(country);
        if (regions == null) {
            throw new IllegalArgumentException("No region list for country " + country + "; known: " + BY_COUNTRY.keySet());
        }
        return new Regions(country, regions);
    }

    public String country() {
        return country;
    }

    public List<Region> all() {
        return List.copyOf(byCode.values());
    }

    public boolean contains(String code) {
        return byCode.containsKey(code);
    }

    public Optional<Region> find(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    /** The region's name, or the code itself for a code outside the list (an event from another deployment). */
    public String name(String code) {
        Region region = byCode.get(code);
        return region == null ? code : region.name();
    }
}
