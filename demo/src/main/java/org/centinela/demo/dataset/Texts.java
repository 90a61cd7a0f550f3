package org.centinela.demo.dataset;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.centinela.contract.vocabulary.Context;
import org.centinela.contract.vocabulary.Sector;
import org.centinela.contract.vocabulary.Violation;

/** The free text of synthetic incidents, in Spanish or English, said to be synthetic so that no one mistakes it. */
final class Texts {

    private static final String SYNTHETIC_ES = " (Caso sintético de demostración: no describe hechos reales.)";
    private static final String SYNTHETIC_EN = " (Synthetic demo case: it describes no real events.)";

    private static final Map<Violation, String[]> ACTS = Map.ofEntries(
            Map.entry(Violation.ARBITRARY_DETENTION, new String[] {"fue detenido sin orden judicial y retenido durante horas",
                    "was detained without a warrant and held for hours"}),
            Map.entry(Violation.CRIMINALISATION, new String[] {"fue denunciado penalmente por encabezar la defensa de su comunidad",
                    "faces criminal charges for leading the defence of the community"}),
            Map.entry(Violation.PHYSICAL_ATTACK, new String[] {"fue golpeado por un grupo de hombres",
                    "was beaten by a group of men"}),
            Map.entry(Violation.DEATH_THREAT, new String[] {"recibió amenazas de muerte por teléfono y en su vivienda",
                    "received death threats by phone and at home"}),
            Map.entry(Violation.SURVEILLANCE, new String[] {"es vigilado y fotografiado por desconocidos desde hace semanas",
                    "has been watched and photographed by strangers for weeks"}),
            Map.entry(Violation.KILLING, new String[] {"fue asesinado cerca de su vivienda", "was killed near home"}),
            Map.entry(Violation.ATTEMPTED_KILLING, new String[] {"sobrevivió a un ataque armado", "survived an armed attack"}),
            Map.entry(Violation.DEFAMATION, new String[] {"es acusado en medios y redes de ser \"antidesarrollo\"",
                    "is smeared in the media as \"against development\""}),
            Map.entry(Violation.HARASSMENT, new String[] {"sufre hostigamiento reiterado", "suffers repeated harassment"}),
            Map.entry(Violation.THREAT_OR_INTIMIDATION, new String[] {"fue intimidado para que abandone la asamblea comunal",
                    "was intimidated into leaving the community assembly"}));

    private static final Map<Sector, String[]> SUBJECTS = Map.of(
            Sector.ENVIRONMENTAL, new String[] {"Un defensor ambiental", "An environmental defender"},
            Sector.LAND_AND_TERRITORY, new String[] {"Un dirigente de la defensa del territorio", "A land rights leader"},
            Sector.INDIGENOUS_PEOPLES, new String[] {"Un líder indígena", "An indigenous leader"},
            Sector.JOURNALIST, new String[] {"Un periodista local", "A local journalist"},
            Sector.COMMUNITY_LEADER, new String[] {"Un dirigente comunal", "A community leader"},
            Sector.LAWYER, new String[] {"Un abogado de derechos humanos", "A human rights lawyer"},
            Sector.WOMEN_RIGHTS, new String[] {"Una defensora de los derechos de las mujeres", "A women's rights defender"});

    private static final Map<Context, String[]> CIRCUMSTANCES = Map.of(
            Context.PROTEST, new String[] {"durante una movilización pacífica", "during a peaceful protest"},
            Context.EXTRACTIVE_PROJECT, new String[] {"tras oponerse a un proyecto minero", "after opposing a mining project"},
            Context.LAND_CONFLICT, new String[] {"en medio de un conflicto por tierras comunales", "amid a dispute over communal land"},
            Context.INFRASTRUCTURE_PROJECT, new String[] {"tras cuestionar una carretera en su territorio",
                    "after questioning a road through the territory"},
            Context.ONLINE, new String[] {"después de denunciar los hechos en redes sociales", "after denouncing the facts online"},
            Context.JUDICIAL_PROCESS, new String[] {"mientras declaraba en un proceso judicial", "while testifying in a court case"},
            Context.ELECTIONS, new String[] {"durante la campaña electoral", "during the election campaign"});

    private static final List<String> PLACES = List.of("Comunidad campesina", "Centro poblado", "Comunidad nativa", "Distrito",
            "Caserío", "Anexo");

    private Texts() {
    }

    static String description(boolean spanish, Violation violation, Sector sector, Context context, String region) {
        int language = spanish ? 0 : 1;
        String subject = SUBJECTS.getOrDefault(sector, new String[] {"Un defensor de derechos humanos", "A human rights defender"})[language];
        String act = ACTS.getOrDefault(violation, new String[] {"sufrió una agresión", "was attacked"})[language];
        String circumstance = context == null ? "" : " " + CIRCUMSTANCES.getOrDefault(context, new String[] {"", ""})[language];
        String where = spanish ? " en " + region : " in " + region;
        return subject + " " + act + circumstance + where + "." + (spanish ? SYNTHETIC_ES : SYNTHETIC_EN);
    }

    static String locality(SplittableRandom random) {
        return PLACES.get(random.nextInt(PLACES.size())) + " " + (1 + random.nextInt(60));
    }
}
