package org.centinela.platform.crypto;

import java.util.List;

/** Every table of a service that holds ciphertexts; a service that encrypts provides one such bean. */
public interface CipherTables {

    List<CipherTable> tables();
}
