package org.centinela.contract.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import org.centinela.contract.vocabulary.Sector;

/** How many defenders an incident affected, how many of them women, and their sectors. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Defenders(int count, int women, List<Sector> sectors) {
}
