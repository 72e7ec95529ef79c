/** Primary ports run by schedulers and operators: issue deadlines, outbox delivery, reconciliation. */
@PrimaryPort
package dev.tihuo.application.port.in.operations;

import org.jmolecules.architecture.hexagonal.PrimaryPort;
