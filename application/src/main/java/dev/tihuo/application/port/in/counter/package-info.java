/** Primary ports for store clerks at the counter (D15, D18). */
@PrimaryPort
package dev.tihuo.application.port.in.counter;

import org.jmolecules.architecture.hexagonal.PrimaryPort;
