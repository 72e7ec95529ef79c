/** Secondary ports: what the use cases need from the outside world, named for what they do. */
@SecondaryPort
package dev.tihuo.application.port.out;

import org.jmolecules.architecture.hexagonal.SecondaryPort;
