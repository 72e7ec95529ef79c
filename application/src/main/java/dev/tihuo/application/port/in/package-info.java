/** Primary ports: one interface per use case, with its command and answer as records. */
@PrimaryPort
package dev.tihuo.application.port.in;

import org.jmolecules.architecture.hexagonal.PrimaryPort;
