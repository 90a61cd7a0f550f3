package org.centinela.contract.vocabulary;

/** A first-level subdivision (ISO 3166-2) of the country a Centinela deployment serves. */
public record Region(String code, String name) {
}
